// bench/peers/duckdb.mjs - the DuckDB rows of make bench: the same work
// as an art command, as SQL over the same NDJSON, written to standard
// output as the art command writes it (NDJSON, CSV, or tag counts).
//
//   node duckdb.mjs TASK FILE THREADS
//
// TASK is tag, since, jq, csv, tags or sort (see sql below).  THREADS is
// the number of threads DuckDB may use: the number art uses.
import { DuckDBInstance } from "@duckdb/node-api";

const [task, file, threads] = process.argv.slice(2);
const src = `read_ndjson_auto('${String(file).replaceAll("'", "''")}')`;
const json = "(FORMAT JSON)";
const sql = {
	tag: `COPY (SELECT * FROM ${src} WHERE list_contains(tags, 'Kafka')) TO '/dev/stdout' ${json}`,
	since: `COPY (SELECT * FROM ${src} WHERE date >= DATE '2024-01-01') TO '/dev/stdout' ${json}`,
	jq: `COPY (SELECT * FROM ${src} WHERE read_minutes > 15 AND list_contains(tags, 'Kafka'))
	     TO '/dev/stdout' ${json}`,
	csv: `COPY (SELECT source, date, category, title, summary, array_to_string(tags, ';') AS tags,
	              likes, read_minutes FROM ${src}) TO '/dev/stdout' (FORMAT CSV, HEADER)`,
	// a tag counts once per record, as art-tags counts it
	tags: `COPY (SELECT tag, count(*) AS count
	             FROM (SELECT unnest(list_distinct(tags)) AS tag FROM ${src})
	             GROUP BY tag ORDER BY count DESC, tag) TO '/dev/stdout' (FORMAT CSV, HEADER)`,
	sort: `COPY (SELECT * FROM ${src} ORDER BY date) TO '/dev/stdout' ${json}`,
}[task];
if (!sql || !file || !/^[1-9][0-9]*$/.test(threads ?? "")) {
	console.error("usage: node duckdb.mjs tag|since|jq|csv|tags|sort FILE THREADS");
	process.exit(2);
}
const db = await DuckDBInstance.create(":memory:", { threads });
const con = await db.connect();
await con.run(sql);
