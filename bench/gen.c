/* gen - write a large, deterministic listing file for the benchmark.
 *
 *   bench/gen [-s SEED] N > FILE
 *
 * Writes N records in the layout of a saved "Tagged articles" page (see
 * art(7)), as a user who saved many pages over the years keeps them: pages
 * of 20 to 60 records, each with its header and its own tag (which every
 * record on it carries), some saved with CRLF line ends or a byte order
 * mark, site text between pages, dates in no overall order.  Titles and
 * summaries carry the typographic characters of real pages (U+2011, U+2019,
 * U+2014, U+202F, curly and straight quotes); tags have the shapes that
 * make splitting a tag line hard (spaces, digits, '-', '/', mixed case).
 * With -r, tags rarely repeat: but for the page's own tag, each is made
 * of syllables anew (so a splitter learns little from earlier records).
 * The same N and SEED always give the same bytes.
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdnoreturn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))

static uint64_t rng_state;

/* splitmix64: small, fast, and the same on every platform */
static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static unsigned below(unsigned n)
{
	return (unsigned)(rnd() % n);
}
#define PICK(a) ((a)[below(COUNT(a))])

static const char *const sources[] = {
    "Northwind Engineering",
    "Byte Garden",
    "Paper Lantern Tech",
    "Kestrel Cloud Team",
    "Ops & Orchestration Weekly",
    "The 42nd Commit",
    "Silverline FinTech",
    "Quiet Harbor Labs",
    "Data Plumbers Guild",
    "Mira’s Backend Notes",
    "Lighthouse Video Technology",
    "Gopher Gazette",
    "Redwood Retail Technology",
    "JVM Internals Circle",
    "Tinker & Scale",
    "Architects’ Almanac",
    "Lotus Search Team",
    "Polaris Payments Tech",
    "NimbusDB Blog",
    "Meridian Mobile",
    "Orbit Infra Column",
    "2AM Pager Stories",
    "Fjord Data Platform",
    "Cobalt Security Lab",
    "Open Kitchen Engineering",
};

static const char *const categories[] = {
    "Backend Development",
    "Backend Development",
    "Backend Development",
    "Databases",
    "Operations",
    "Mobile Development",
    "Cloud Native",
    "Artificial Intelligence",
    "Big Data",
    "Frontend Development",
};

/* Tags as sites write them: words run together on the tag line, so the
 * hard ones are those whose case changes do not mark their edges. */
static const char *const tags[] = {
    "Backend Engineering",
    "Kafka",
    "JMQ",
    "Java",
    "Java AI",
    "LangChain4j",
    "Go",
    "Golang",
    "DevOps",
    "B-PaaS",
    "ci/cd",
    "high concurrency",
    "caching",
    "KV",
    "AR",
    "DAG",
    "DAG scheduling",
    "Cache Warm-up",
    "distributed-lock",
    "api-integration",
    "ETL",
    "CQRS",
    "Erlang",
    "Elasticsearch",
    "Microservices",
    "Scalability",
    "Distributed Systems",
    "Database Optimization",
    "Performance Optimization",
    "System Architecture",
    "gRPC",
    "iOS",
    "eBPF",
    "OAuth2",
    "HTTP/3",
    "MySQL 8",
    "PostgreSQL",
    "Redis",
    "k8s",
    "Kubernetes",
    "Cloud Native",
    "Service Mesh",
    "message system",
    "Time Wheel",
    "Load Testing",
    "Fault Injection",
    "Code review",
    "AI integration",
    "AI automation",
    "LLM",
    "RAG",
    "Vector DB",
    "Flink",
    "Spark",
    "Data center",
    "Data Migration",
    "refactoring",
    "modular architecture",
    "danmaku",
    "Video Transcoding",
    "WebAssembly",
    "Rust",
    "C/C-API",
    "x86-64",
    "ARM64",
    "io-uring",
    "Zero-Copy",
    "SRE",
    "Observability",
    "OpenTelemetry",
    "TiDB",
    "ClickHouse",
    "S3",
    "Raft",
    "Paxos",
    "2PC",
    "Saga",
    "Idempotency",
    "Rate Limiting",
    "Circuit Breaker",
    "JVM",
    "GC Tuning",
    "Netty",
    "Spring Boot",
    "Spring AI",
    "MyBatis",
    "Dubbo",
    "Nginx",
    "Envoy",
    "QUIC",
    "CDN",
    "A/B Testing",
    "Feature Flags",
    "Search Platform",
    "Pricing System",
    "Financial Services",
    "Python",
    "Django",
    "FastAPI",
};

static const char *const verbs[] = {
    "Cut",      "Rebuilt",  "Scaled",  "Tamed",    "Migrated",
    "Debugged", "Replaced", "Sharded", "Profiled", "Redesigned",
};
static const char *const things[] = {
    "p99 latency",      "the order pipeline", "its message queue",   "a 40‑node cluster",
    "cold starts",      "the billing ledger", "write amplification", "tail latency",
    "the search index", "GC pauses",
};
static const char *const openers[] = {
    "The article explains how",
    "This article walks through how",
    "A detailed case study of how",
    "An engineer’s account of how",
    "This post describes, step by step, how",
};
static const char *const middles[] = {
    " the team moved from a single shared database to per‑service stores",
    " a read‑heavy service kept its cache warm across deploys",
    " they replaced a hand‑rolled retry loop with idempotent consumers",
    " the platform’s on‑call load fell once alerts were tied to user‑visible symptoms",
    " batch jobs were turned into streaming ones without losing exactly‑once delivery",
    " a legacy monolith was split along its data boundaries, not its code",
};
static const char *const asides[] = {
    " — and what it cost",
    ", with benchmarks, failure drills and the rollback plan",
    " (the “boring” parts included)",
    ", quoting the runbook: \"never page twice for one fault\"",
    "; the 10\u202f000‑line diff is summarised table by table",
    ", including why the first two attempts failed",
};
static const char *const closers[] = {
    " It closes with lessons for teams facing the same trade‑offs.",
    " Readers get the metrics before and after, and the scripts used.",
    " The authors’ verdict: measure first, then cut.",
    " It ends with a checklist—capacity, rollback, ownership—for the next migration.",
};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const junk[] = {
    "Load more",
    "Back to top",
    "Related tags",
    "Sign in to follow this tag",
    "© 2026 All rights reserved",
    "Privacy · Terms",
    "Next page ›",
    "Hot articles",
};

static const char *eol = "\n";

static void line(const char *s)
{
	fputs(s, stdout);
	fputs(eol, stdout);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Days in a month of a year. */
static int mdays(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return d[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

struct date {
	int y, m, d;
};

static void back_days(struct date *t, int n)
{
	while (n-- > 0) {
		if (--t->d == 0) {
			if (--t->m == 0) {
				t->m = 12;
				t->y--;
			}
			t->d = mdays(t->y, t->m);
		}
	}
}

/* -r: tags made anew, rarely the same twice. */
static bool rare_tags;

/* A made-up tag in TAG (at least 48 bytes): one or two words of two or
 * three syllables, in one of the shapes tags have ("Quorin Velta",
 * "quorin velta", "QuorinVelta", "QUORIN", "Quorin9"). */
static void made_tag(char *tag)
{
	static const char *const syl[] = {"ka",  "lo", "mi",  "ra", "ven", "tor", "qu",  "zen",
	                                  "dal", "fi", "rex", "no", "sa",  "bel", "tri", "um",
	                                  "gra", "po", "lis", "ed", "ox",  "har", "vi",  "cor"};
	char words[2][16] = {{0}};
	unsigned nwords = 1 + below(2), shape = below(5);
	for (unsigned w = 0; w < nwords; w++)
		for (unsigned k = 2 + below(2); k > 0; k--)
			strcat(words[w], PICK(syl));
	tag[0] = '\0';
	for (unsigned w = 0; w < nwords; w++) {
		char *at = tag + strlen(tag);
		if (w > 0 && shape != 2)
			*at++ = ' ';
		strcpy(at, words[w]);
		if (shape == 3)
			for (char *c = at; *c; c++)
				*c = (char)(*c - 'a' + 'A');
		else if (shape != 1)
			*at = (char)(*at - 'a' + 'A');
	}
	if (shape == 4)
		sprintf(tag + strlen(tag), "%u", below(10));
}

/* One record: source twice, date line, title, summary, tag line, stats,
 * and the title again as link text.  PAGE_TAG is on every record of a page. */
static void record(const char *page_tag, struct date *when)
{
	const char *source = PICK(sources);
	const char *rec_tags[5];
	static char made[5][48];
	size_t ntags = 1 + below(5);
	rec_tags[0] = page_tag;
	for (size_t i = 1; i < ntags; i++) {
		const char *t;
		bool again;
		do {
			if (rare_tags) {
				made_tag(made[i]);
				t = made[i];
			} else {
				t = PICK(tags);
			}
			again = false;
			for (size_t j = 0; j < i; j++)
				again |= strcmp(rec_tags[j], t) == 0;
		} while (again);
		rec_tags[i] = t;
	}
	const char *topic = rec_tags[below((unsigned)ntags)];
	char buf[2048];

	back_days(when, (int)below(4));
	line(source);
	line(source);
	snprintf(buf, sizeof buf, "%s %d, %d \xC2\xB7 %s", months[when->m - 1], when->d, when->y,
	         PICK(categories));
	line(buf);
	line("");
	char title[512];
	snprintf(title, sizeof title, "How %s %s %s with %s%s", source, PICK(verbs), PICK(things),
	         topic, PICK(asides));
	line(title);
	line("");
	snprintf(buf, sizeof buf, "%s%s, covering ", PICK(openers), PICK(middles));
	for (size_t i = 0; i < ntags; i++) {
		strcat(buf, rec_tags[i]);
		strcat(buf, i + 2 < ntags ? ", " : i + 2 == ntags ? " and " : ".");
	}
	strcat(buf, PICK(closers));
	if (below(2))
		strcat(buf, PICK(closers));
	line(buf);
	line("");
	qsort(rec_tags, ntags, sizeof *rec_tags, cmp_str); /* the site prints them in byte order */
	buf[0] = '\0';
	for (size_t i = 0; i < ntags; i++)
		strcat(buf, rec_tags[i]);
	line(buf);
	unsigned likes = below(4) ? 0 : below(3) ? 1 : below(5000);
	snprintf(buf, sizeof buf, "%u like%s \xC2\xB7 %u min read", likes, likes == 1 ? "" : "s",
	         1 + below(40));
	line(buf);
	fputs(title, stdout); /* the link text; the last line of a file has no line end */
}

static noreturn void usage(void)
{
	fputs("Usage: gen [-r] [-s SEED] N\nWrite N records of listing text to standard output;\n"
	      "with -r, tags that rarely repeat.\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	uint64_t seed = 1;
	int opt;
	while ((opt = getopt(argc, argv, "rs:")) != -1) {
		if (opt == 'r')
			rare_tags = true;
		else if (opt == 's')
			seed = strtoull(optarg, NULL, 10);
		else
			usage();
	}
	if (optind + 1 != argc)
		usage();
	char *end;
	errno = 0;
	unsigned long long n = strtoull(argv[optind], &end, 10);
	if (errno || *end || end == argv[optind])
		usage();
	rng_state = seed;
	static char out[1 << 20];
	setvbuf(stdout, out, _IOFBF, sizeof out);

	unsigned long long done = 0;
	for (unsigned page = 1; done < n; page++) {
		eol = below(10) == 0 ? "\r\n" : "\n"; /* saved on another system */
		if (page > 1) {
			fputs(eol, stdout);
			for (unsigned j = below(3); j > 0; j--)
				line(PICK(junk));
		}
		unsigned per_page = 20 + below(41);
		if (per_page > n - done)
			per_page = (unsigned)(n - done);
		if (below(10) == 0)
			fputs("\xEF\xBB\xBF", stdout);
		line("Tagged articles");
		char buf[64];
		snprintf(buf, sizeof buf, "%u articles", per_page + below(4)); /* sites miscount */
		line(buf);
		snprintf(buf, sizeof buf, "Page %u of %u", 1 + below(9), 9 + below(20));
		line(buf);
		const char *page_tag = PICK(tags);
		struct date when = {2015 + (int)below(12), 1 + (int)below(12), 1};
		when.d = 1 + (int)below((unsigned)mdays(when.y, when.m));
		for (unsigned i = 0; i < per_page; i++) {
			if (i > 0)
				fputs(eol, stdout);
			record(page_tag, &when);
		}
		done += per_page;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen: write error");
		return 1;
	}
	return 0;
}
