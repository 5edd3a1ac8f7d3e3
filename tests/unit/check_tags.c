#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "unit.h"

static struct art_tagger *tagger;
static struct art_tagsplit split;

/* The tags of the last split joined by '|'. */
static const char *joined(void)
{
	static char buf[1024];
	size_t at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < split.n && at < sizeof buf; i++)
		at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%.*s", i ? "|" : "",
		                       (int)split.tags[i].n, split.tags[i].p);
	return buf;
}

/* Split LINE of a record with TITLE and SUMMARY and compare with the tags
 * joined by '|'. */
static void expect_in(const char *line, const char *title, const char *summary, const char *tags)
{
	art_str l = {line, strlen(line)}, ti = {title, strlen(title)},
	        su = {summary, strlen(summary)};
	ck_assert_int_eq(art_tags_split(tagger, l, ti, su, &split), 0);
	ck_assert_msg(strcmp(joined(), tags) == 0, "\"%s\" split as \"%s\", expected \"%s\"", line,
	              joined(), tags);
}

static void expect_split(const char *line, const char *tags)
{
	expect_in(line, "", "", tags);
}

static bool explained(const char *text)
{
	return memmem(split.explain.p, split.explain.len, text, strlen(text)) != NULL;
}

START_TEST(case_changes_are_the_usual_cuts)
{
	expect_split("Backend EngineeringJMQKafka", "Backend Engineering|JMQ|Kafka");
	expect_split("AI automationBackend EngineeringJava",
	             "AI automation|Backend Engineering|Java");
	expect_split("Backend EngineeringBilibiliKV", "Backend Engineering|Bilibili|KV");
}
END_TEST

START_TEST(capitals_inside_a_tag)
{
	expect_in("Backend EngineeringJava AILangChain4j",
	          "Why Java AI Is Moving Beyond Agents: Spring AI vs. LangChain4j",
	          "Java AI development shifts from model SDKs to engineered solutions, "
	          "comparing Spring AI with LangChain4j.",
	          "Backend Engineering|Java AI|LangChain4j");
	expect_in("DatabasesPostgreSQLautovacuum",
	          "PostgreSQL Vacuum Tuning for Write-Heavy Workloads",
	          "This guide shows how autovacuum thresholds and fillfactor interact in "
	          "PostgreSQL.",
	          "Databases|PostgreSQL|autovacuum");
	expect_in("Frontend DevelopmentGraphQLSchema Design", "GraphQL Federation Without the Pain",
	          "How a retail site split one GraphQL schema into federated subgraphs.",
	          "Frontend Development|GraphQL|Schema Design");
	expect_in("Cloud NativeEnvoyService MeshgRPC", "gRPC Load Balancing Inside a Service Mesh",
	          "Because gRPC multiplexes requests over HTTP/2, this post compares client-side "
	          "balancing with Envoy sidecars.",
	          "Cloud Native|Envoy|Service Mesh|gRPC");
	expect_in("DatabasesOnline DDLTiDB",
	          "How TiDB Keeps Secondary Indexes Consistent During Online DDL",
	          "The article walks through TiDB\xE2\x80\x99s online schema change protocol.",
	          "Databases|Online DDL|TiDB");
	expect_in("Cloud NativeDevOpsSearch Platform", "Rebuilding Our Search Platform",
	          "How the DevOps team moved the search platform to containers.",
	          "Cloud Native|DevOps|Search Platform");
}
END_TEST

START_TEST(digits_and_symbols_inside_a_tag)
{
	expect_in("Cloud NativeK8sOperator", "Running Stateful Workloads on K8s with Operators",
	          "The article explains how Kubernetes operators encode day-two operations.",
	          "Cloud Native|K8s|Operator");
	expect_in("CDNCloud NativeHTTP/3QUIC", "What HTTP/3 and QUIC Change for Mobile Users",
	          "Moving from HTTP/2 to HTTP/3 cut connection setup time; the CDN changes it "
	          "required.",
	          "CDN|Cloud Native|HTTP/3|QUIC");
	expect_in("Artificial IntelligenceC++CUDAGPU",
	          "Writing a Fused Attention Kernel in CUDA C++",
	          "Step by step, the post writes a fused kernel in CUDA C++ with shared-memory "
	          "tiling.",
	          "Artificial Intelligence|C++|CUDA|GPU");
	expect_in("Argo CDCloud NativeGitOpsci/cd", "Shipping Faster with GitOps: Argo CD",
	          "The team moved deployments for 40 clusters to GitOps with Argo CD.",
	          "Argo CD|Cloud Native|GitOps|ci/cd");
	expect_in("B-PaaSBackend EngineeringFinancial Services",
	          "Evolution of a Business PaaS at a Bank",
	          "The B-PaaS platform gives financial teams shared services.",
	          "B-PaaS|Backend Engineering|Financial Services");
	expect_in(".NETC#Programming Languages", "What's New in C# 12 and .NET 8",
	          "Primary constructors and the performance work in .NET 8.",
	          ".NET|C#|Programming Languages");
}
END_TEST

START_TEST(lowercase_tags)
{
	expect_in("ARBackend Engineeringhigh concurrency", "Building an AR Try-On Service",
	          "Serving AR scenes under high concurrency with caching and rate limits.",
	          "AR|Backend Engineering|high concurrency");
	/* two lowercase tags in a row */
	expect_in("Backend Engineeringmodular architecturerefactoring",
	          "How We Refactored a 66k-Line Home Page",
	          "A monolithic home-page system was re-engineered through module-based design.",
	          "Backend Engineering|modular architecture|refactoring");
	expect_in("cachingconsistencywrite-behind",
	          "Choosing Between Write-Through and Write-Behind Caches",
	          "A comparison of write-through and write-behind patterns, covering consistency "
	          "windows.",
	          "caching|consistency|write-behind");
	expect_in("DatabasesPostgreSQLpgvectorvector search",
	          "Vector Search Inside PostgreSQL with pgvector",
	          "Adding semantic search to PostgreSQL with the pgvector extension.",
	          "Databases|PostgreSQL|pgvector|vector search");
}
END_TEST

START_TEST(acronyms_next_to_acronyms)
{
	expect_in("AIKVRedis", "Serving AI Features from a KV Store",
	          "Feature vectors for AI models live in a KV store in front of Redis.",
	          "AI|KV|Redis");
	expect_in(
	    "AutoscalingCloud NativeHPAKEDA", "Autoscaling on Custom Metrics with KEDA and HPA",
	    "Scaling consumers on queue length with KEDA.", "Autoscaling|Cloud Native|HPA|KEDA");
	expect_in("DNSSRETTL", "DNS Outages: What We Learned from a TTL Mistake",
	          "A record was changed with a one-week TTL still cached by resolvers.",
	          "DNS|SRE|TTL");
	expect_in("SLOSREerror budget", "Writing SLOs That Engineers Actually Use",
	          "Dozens of alerts were replaced with a few SLOs and an error budget policy.",
	          "SLO|SRE|error budget");
}
END_TEST

START_TEST(one_two_four_and_five_tags)
{
	expect_in("Databases", "Databases Weekly", "Notes on databases.", "Databases");
	expect_in("Databasestime series", "Time-Series Storage: Gorilla Compression",
	          "How modern time-series databases build on the idea.", "Databases|time series");
	expect_in("DatabasesMySQLread-write splittingsharding", "Choosing a Sharding Key",
	          "Splitting a MySQL order database into shards with read-write splitting.",
	          "Databases|MySQL|read-write splitting|sharding");
	expect_in("Artificial IntelligenceBF16FP8H100mixed precision",
	          "Mixed Precision Training on H100: BF16, FP8 and Loss Scaling",
	          "The article compares BF16 and FP8 training on H100 GPUs.",
	          "Artificial Intelligence|BF16|FP8|H100|mixed precision");
}
END_TEST

START_TEST(tags_come_in_byte_order)
{
	/* "Lang|Chain4j" would put "Chain4j" after "Lang": never considered */
	expect_split("LangChain4j", "LangChain4j");
	/* "Dev|Ops|Search" is in order but its words are not in the text,
	 * while "DevOps" is */
	expect_in("DevOpsSearch", "", "DevOps and search.", "DevOps|Search");
	/* "cert-managerm|TLS" would end with a capital after lowercase */
	expect_in("Cloud NativeTLScert-managermTLS", "Certificate Rotation with cert-manager",
	          "TLS certificates for 3,000 services, and the mTLS rollout.",
	          "Cloud Native|TLS|cert-manager|mTLS");
}
END_TEST

START_TEST(a_lexicon_entry_is_preferred)
{
	const char *title = "Cutting AWS S3 Costs with Lifecycle Rules";
	const char *summary = "Lifecycle rules and a monthly cost report halved the storage bill.";
	/* nothing in the text says "FinOps", and a case change is usually a cut */
	expect_in("AWS S3FinOpsSRE", title, summary, "AWS S3|Fin|Ops|SRE");
	art_tagger_free(tagger);
	tagger = art_tagger_new();
	ck_assert_int_eq(art_tagger_add(tagger, S("  FinOps \t"), ART_TAG_LEXICON), 0);
	art_tagger_explain(tagger, true);
	expect_in("AWS S3FinOpsSRE", title, summary, "AWS S3|FinOps|SRE");
	ck_assert(explained("in the lexicon +4.0"));
}
END_TEST

START_TEST(a_lexicon_file)
{
	struct art_error err;
	char path[] = "/tmp/check_tags.XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	const char text[] = "\xEF\xBB\xBF"
	                    "FinOps\r\n\r\n  mTLS  \nGitOps";
	ck_assert_int_eq(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	ck_assert_int_eq(art_tagger_load(tagger, path, &err), ART_OK);
	unlink(path);
	art_tagger_explain(tagger, true);
	expect_split("AWS S3FinOpsSRE", "AWS S3|FinOps|SRE");
	expect_in("AWS S3GitOpsmTLS", "AWS S3", "", "AWS S3|GitOps|mTLS");
	ck_assert(explained("\"mTLS\"  cut s|m -1.0 (inside lowercase)  "
	                    "mTLS -1.0 (not in the text)  "
	                    "in the lexicon +4.0"));
	/* a line of lexicon entries alone needs no search */
	expect_split("GitOpsmTLS", "GitOps|mTLS");
	ck_assert(explained("tags \"GitOpsmTLS\": known tags, one way only: GitOps | mTLS\n"));

	ck_assert_int_eq(art_tagger_load(tagger, "/nonexistent/lexicon", &err), ART_FAIL);
	ck_assert_int_eq(err.errnum, ENOENT);
	ck_assert_str_eq(err.msg, strerror(ENOENT));
	ck_assert_str_eq(err.file, "/nonexistent/lexicon");
	ck_assert_int_eq(art_tagger_load(tagger, "/", &err), ART_FAIL);
	ck_assert_int_eq(err.errnum, EISDIR);
}
END_TEST

/* Records of a page whose own tag, "high concurrency", is never in the
 * text: seen cleanly twice, it is learned, and then splits a line where
 * nothing else would. */
START_TEST(tags_are_learned_from_clean_records)
{
	expect_in("Redishigh concurrency", "", "", "Redishigh concurrency");
	art_tagger_free(tagger);
	tagger = art_tagger_new();
	expect_in("JVMhigh concurrency", "Tuning the JVM", "GC pauses on the JVM.",
	          "JVM|high concurrency");
	expect_in("MySQLhigh concurrency", "Connection Pools for MySQL", "MySQL pool sizing.",
	          "MySQL|high concurrency");
	art_tagger_explain(tagger, true);
	expect_in("Redishigh concurrency", "", "", "Redis|high concurrency");
	ck_assert(explained("learned +2.0 (seen 2 times)"));
}
END_TEST

/* Held back (art_tagger_hold), a split learns only when art_tagger_learn
 * says so, and the next split forgets what the last would have learned:
 * the same records as above teach nothing, then teach only as told. */
START_TEST(learning_held_back_until_told)
{
	const char *jvm[] = {"JVMhigh concurrency", "Tuning the JVM", "GC pauses on the JVM."};
	const char *mysql[] = {"MySQLhigh concurrency", "Connection Pools for MySQL",
	                       "MySQL pool sizing."};
	art_tagger_hold(tagger, true);
	ck_assert_int_eq(art_tagger_learn(tagger), 0); /* nothing split yet */
	for (int i = 0; i < 2; i++) {
		expect_in(jvm[0], jvm[1], jvm[2], "JVM|high concurrency");
		expect_in(mysql[0], mysql[1], mysql[2], "MySQL|high concurrency");
	}
	ck_assert_int_eq(art_tagger_learn(tagger), 0); /* the last record only: once */
	ck_assert_int_eq(art_tagger_learn(tagger), 0); /* learned already: nothing */
	expect_in("Redishigh concurrency", "", "", "Redishigh concurrency");
	expect_in(jvm[0], jvm[1], jvm[2], "JVM|high concurrency");
	ck_assert_int_eq(art_tagger_learn(tagger), 0); /* twice: learned */
	expect_in("Redishigh concurrency", "", "", "Redis|high concurrency");
	art_tagger_hold(tagger, false); /* as before: every split learns */
	expect_in("Redishigh concurrency", "", "", "Redis|high concurrency");
}
END_TEST

/* A page tag that no text mentions is learned once it was seen cleanly
 * twice; once is not enough (it may have been a wrong cut). */
/* Where the script changes a cut is always possible and strongly preferred:
 * a site leaves some tags untranslated, and a tag rarely mixes scripts. */
START_TEST(cuts_where_the_script_changes)
{
	const char *title = "From Monolith to Microservices";
	const char *summary = "Why service governance mattered more than the framework: rate "
	                      "limiting, circuit breakers and microservices done right.";
	expect_in("microservices\u5fae\u670d\u52a1", title, summary,
	          "microservices|\u5fae\u670d\u52a1");
	expect_in("Rate Limitingcircuit breakermicroservices\u670d\u52a1\u6cbb\u7406", title,
	          summary, "Rate Limiting|circuit breaker|microservices|\u670d\u52a1\u6cbb\u7406");
	expect_split("LLM\u5927\u6a21\u578b", "LLM|\u5927\u6a21\u578b");
	/* Latin and digits are one script: "Vue3" stays whole */
	expect_in("ReactVue3\u524d\u7aef", "Vue3 or React 19: What Our Team Chose", "",
	          "React|Vue3|\u524d\u7aef");
	/* Hiragana, Katakana, Hangul, Cyrillic, Greek, Arabic, emoji */
	expect_split("OCR\u30de\u30eb\u30c1", "OCR|\u30de\u30eb\u30c1");
	expect_split("vLLM\uc778\uacf5\uc9c0\ub2a5", "vLLM|\uc778\uacf5\uc9c0\ub2a5");
	expect_split("CI/CD\u041f\u0440\u043e", "CI/CD|\u041f\u0440\u043e");
	expect_split("Haskell\u03bb", "Haskell|\u03bb");
	expect_split("RTL\u0627\u0644\u0639", "RTL|\u0627\u0644\u0639");
	expect_split("AI Agent\U0001F916", "AI Agent|\U0001F916");
	/* between two other scripts too, but never inside an emoji: not before
	 * U+FE0F or a skin tone, not after a joiner */
	expect_split("\u5927\u6a21\u578b\U0001F680", "\u5927\u6a21\u578b|\U0001F680");
	expect_split("red teaming\U0001F6E1\uFE0F", "red teaming|\U0001F6E1\uFE0F");
	expect_split("DevOps\U0001F468\u200D\U0001F4BB", "DevOps|\U0001F468\u200D\U0001F4BB");
	expect_split("Go\U0001F44D\U0001F3FD", "Go|\U0001F44D\U0001F3FD");
	/* accented Latin letters are Latin; punctuation is no script */
	expect_split("Caf\u00e9", "Caf\u00e9");
	expect_split("API\u2011first", "API\u2011first");
}
END_TEST

/* A word of two letters found inside a run of lowercase is found there by
 * chance: "go" in "golang" ends no tag. */
START_TEST(a_short_word_inside_lowercase_ends_no_tag)
{
	for (int i = 0; i < 2; i++) /* the page's own tag, learned */
		expect_split("Backend EngineeringKafka", "Backend Engineering|Kafka");
	expect_in("Backend Engineeringgolangperformance tuning", "Go Service Tuning",
	          "How we profiled a Go service and tuned it for throughput.",
	          "Backend Engineering|golangperformance tuning");
}
END_TEST

START_TEST(a_tag_seen_cleanly_twice_is_learned)
{
	art_tagger_explain(tagger, true);
	expect_in("KafkaSRE", "Kafka streams", "", "Kafka|SRE");
	expect_in("RedisSRE", "Redis", "", "Redis|SRE");
	ck_assert(explained("\"SRE\"  cut s|S +1.5 (lowercase, then a capital)  "
	                    "SRE -1.0 (not in the text)\n"));
	expect_in("MySQLSRE", "MySQL", "", "MySQL|SRE");
	ck_assert(explained("SRE -1.0 (not in the text)  learned +2.0 (seen 2 times)\n"));
}
END_TEST

START_TEST(learned_counts_weigh_in)
{
	/* A page of three tags a record: "Go|ci/cd" and "Goci/cd" score the
	 * same by themselves; the usual count decides. */
	const char *title = "Why Our Team Switched from Node.js to Go";
	const char *summary = "Go's advantages and the engineering practices around it.";
	art_tagger_explain(tagger, true);
	expect_in("Backend EngineeringGoci/cd", title, summary, "Backend Engineering|Goci/cd");
	ck_assert(explained("a tie won by having fewer tags"));
	art_tagger_free(tagger);
	tagger = art_tagger_new();
	expect_split("Backend EngineeringJMQKafka", "Backend Engineering|JMQ|Kafka");
	expect_split("Backend EngineeringDjangoPython", "Backend Engineering|Django|Python");
	expect_split("AI automationBackend EngineeringJava",
	             "AI automation|Backend Engineering|Java");
	art_tagger_explain(tagger, true);
	expect_in("Backend EngineeringGoci/cd", title, summary, "Backend Engineering|Go|ci/cd");
	ck_assert(explained("3 tags +0.0 (3 of 3 recent records had 3)"));
}
END_TEST

START_TEST(ties_are_broken_the_same_way_every_time)
{
	/* "AaaBbb|Ccc" and "Aaa|BbbCcc" both score +2.5 with two tags: the
	 * cut further right wins */
	for (int i = 0; i < 3; i++) {
		art_tagger_free(tagger);
		tagger = art_tagger_new();
		art_tagger_explain(tagger, true);
		expect_in("AaaBbbCcc", "aaabbb", "bbbccc", "AaaBbb|Ccc");
		ck_assert(explained("  1. +2.5  AaaBbb | Ccc\n  2. +2.5  Aaa | BbbCcc\n"));
		ck_assert(explained("1 beats 2 by +0.0, a tie won by cutting further right"));
	}
	/* between splits of different counts, fewer tags win: see
	 * learned_counts_weigh_in */
}
END_TEST

START_TEST(explaining_changes_nothing)
{
	static const char *const lines[] = {
	    "Backend EngineeringJava AILangChain4j",    "Backend EngineeringGoci/cd",
	    "ARBackend Engineeringhigh concurrency",    "AIKVRedis",
	    "Backend EngineeringDevOpsSearch Platform",
	};
	struct art_tagger *quiet = art_tagger_new();
	struct art_tagsplit other = {0};
	art_tagger_explain(tagger, true);
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
			art_str l = {lines[i], strlen(lines[i])};
			ck_assert_int_eq(
			    art_tags_split(tagger, l, S("Go and AI"), S("KV DevOps"), &split), 0);
			ck_assert_int_eq(
			    art_tags_split(quiet, l, S("Go and AI"), S("KV DevOps"), &other), 0);
			ck_assert_uint_eq(split.n, other.n);
			for (size_t k = 0; k < split.n; k++)
				ck_assert(art_str_eq(split.tags[k], other.tags[k]));
			ck_assert_uint_eq(other.explain.len, 0);
			/* searched the first time, known tags after that */
			ck_assert(explained(round == 0 && i == 0 ? "  1 in detail:\n" : "tags \""));
		}
	art_tagsplit_free(&other);
	art_tagger_free(quiet);
}
END_TEST

/* A line that is known tags in ascending byte order in one way only is
 * split so without a search; any doubt, and the search decides. */
START_TEST(a_line_of_known_tags)
{
	static const char *const lexicon[] = {"Go",    "Gocache", "cache", "Kafka",
	                                      "ci/cd", "C++",     "Java",  "微服务"};
	for (size_t i = 0; i < sizeof lexicon / sizeof *lexicon; i++)
		ck_assert_int_eq(art_tagger_add(tagger, (art_str){lexicon[i], strlen(lexicon[i])},
		                                ART_TAG_LEXICON),
		                 0);
	art_tagger_explain(tagger, true);
	expect_split("C++GoKafkaci/cd", "C++|Go|Kafka|ci/cd");
	ck_assert(explained(": known tags, one way only: C++ | Go | Kafka | ci/cd\n"));
	/* "Gocache|ci/cd" and "Go|cache|ci/cd": two ways, so the search
	 * decides, and the text says "Go cache" */
	expect_in("Gocacheci/cd", "Go cache", "", "Go|cache|ci/cd");
	ck_assert(explained("tags \"Gocacheci/cd\": 2 places to cut: o|c -1.0, e|c -1.0\n"));
	/* ... and a known tag with clear ends is not cut inside lowercase */
	expect_in("Gocache微服务", "Go cache", "", "Gocache|微服务");
	ck_assert(explained("tags \"Gocache微服务\": 1 place to cut: e|微 +4.0\n"));
	/* "Go|cache|Kafka" is out of byte order: "Gocache|Kafka" is the one
	 * way, though two ways reach "Kafka" (the reference splitter,
	 * tests/reftags/, found it so) */
	expect_in("GocacheKafka", "Go cache", "", "Gocache|Kafka");
	ck_assert(explained(": known tags, one way only: Gocache | Kafka\n"));
	/* known tags out of byte order are not a split */
	expect_split("KafkaGo", "KafkaGo");
	ck_assert(explained(" to cut: "));
	/* nor is a known tag that is part of a longer word */
	expect_split("JavaScriptKafka", "JavaScript|Kafka");
	ck_assert(explained(" to cut: "));
	/* nothing learned from records changes that: a lexicon entry is found
	 * again after any number of records */
	for (int i = 0; i < 100; i++)
		expect_in("GoKafka", "Go and Kafka", "", "Go|Kafka");
	ck_assert(explained("known tags, one way only: Go | Kafka\n"));
}
END_TEST

START_TEST(an_explanation_reads_so)
{
	art_tagger_explain(tagger, true);
	expect_in("Backend EngineeringJMQKafka", "Deep Dive into Kafka, RocketMQ, and JMQ Storage",
	          "Compares the storage models of Kafka and JMQ.", "Backend Engineering|JMQ|Kafka");
	ck_assert_int_eq(art_buf_putc(&split.explain, '\0'), 0);
	ck_assert_str_eq(split.explain.p,
	                 "tags \"Backend EngineeringJMQKafka\": "
	                 "3 places to cut: g|J +1.5, Q|K +1.5, K|a -1.0\n"
	                 "  1. +5.0  Backend Engineering | JMQ | Kafka\n"
	                 "  2. +1.5  Backend EngineeringJMQ | Kafka\n"
	                 "  3. -1.0  Backend Engineering | JMQ | K | afka\n"
	                 "  4. -1.5  Backend Engineering | JMQKafka\n"
	                 "  5. -2.0  Backend EngineeringJMQKafka\n"
	                 "  1 beats 2 by +3.5: cuts +1.5, words +2.0\n"
	                 "  1 in detail:\n"
	                 "    \"Backend Engineering\"  Backend -1.0 (not in the text)  "
	                 "Engineering -1.0 (not in the text)\n"
	                 "    \"JMQ\"  cut g|J +1.5 (lowercase, then a capital)  "
	                 "JMQ +2.0 (in the text)\n"
	                 "    \"Kafka\"  cut Q|K +1.5 (capitals, then a capitalised word)  "
	                 "Kafka +2.0 (in the text)\n"
	                 "    3 tags +0.0 (no records before)\n");
}
END_TEST

START_TEST(edges_of_the_input)
{
	expect_split("  Backend EngineeringKafka  ", "Backend Engineering|Kafka");
	expect_split("Kafka", "Kafka");
	expect_split("", "");
	expect_split("   \t ", "");
	expect_split("Caf\xC3\xA9Kafka", "Caf\xC3\xA9|Kafka");
	expect_split("\xC3\xA9tudeKafka", "\xC3\xA9tudeKafka"); /* 0xC3 sorts after 'K' */
	/* a line too long to be a tag line is one tag */
	char *big = malloc(3000);
	memset(big, 'a', 2999);
	big[2999] = '\0';
	big[1000] = 'B';
	ck_assert_int_eq(art_tags_split(tagger, (art_str){big, 2999}, S(""), S(""), &split), 0);
	ck_assert_uint_eq(split.n, 1);
	ck_assert(split.tags[0].p == big && split.tags[0].n == 2999);
	free(big);
}
END_TEST

START_TEST(memory_stays_bounded)
{
	char tag[32];
	for (int i = 0; i < 20000; i++) {
		snprintf(tag, sizeof tag, "Tag%05d", i);
		ck_assert_int_eq(
		    art_tagger_add(tagger, (art_str){tag, strlen(tag)}, ART_TAG_LEARNED), 0);
	}
	ck_assert_int_eq(art_tagger_add(tagger, S("Kafka Streams"), ART_TAG_LEXICON), 0);
	expect_split("JavaKafka Streams", "Java|Kafka Streams");
	expect_split("Tag19999Tag19998", "Tag19999Tag19998"); /* not in order */
}
END_TEST

/* The line and the text are read 64 bytes at a time: what matters may be
 * anywhere, across two blocks or at the very end. */
START_TEST(long_lines_and_texts)
{
	const char *line = "Backend EngineeringDistributed SystemsMessage QueuesObservability"
	                   "PostgreSQLkafkastreams";
	const char *tags = "Backend Engineering|Distributed Systems|Message Queues|Observability|"
	                   "PostgreSQL|kafka|streams";
	const char *title = "Events at scale", *summary = "Distributed systems and message queues "
	                                                  "meet: ";
	char text[256];
	/* "kafka" across the first 64 bytes of the title and summary ... */
	snprintf(text, sizeof text,
	         "%skafka moves events while observability data from "
	         "PostgreSQL arrives",
	         summary);
	expect_in(line, title, text, tags);
	/* ... "streams" last ... */
	snprintf(text, sizeof text,
	         "%sit moves events while observability data from "
	         "PostgreSQL arrives as streams",
	         summary);
	expect_in(line, title, text, tags);
	/* ... neither: nothing says where to cut the lowercase */
	snprintf(text, sizeof text,
	         "%sit moves events while observability data from "
	         "PostgreSQL arrives",
	         summary);
	expect_in(line, title, text,
	          "Backend Engineering|Distributed Systems|Message Queues|Observability|"
	          "PostgreSQL|kafkastreams");
}
END_TEST

/* Of a title and summary long enough, at most 65535 words that could
 * matter are kept: with one more word before them, "queue" is not. */
/* A long text is read as a short one: every word the line could have
 * counts (an earlier version kept at most 65535 of them). */
START_TEST(every_word_of_a_long_text)
{
	for (size_t filler = 65533; filler <= 65540; filler += 7) {
		static const char tail[] = "How kafka and queue work";
		char *text = malloc(filler * 5 + sizeof tail);
		ck_assert_ptr_nonnull(text);
		for (size_t i = 0; i < filler; i++) /* a start the line has, then no more */
			memcpy(text + i * 5, "ackz ", 5);
		memcpy(text + filler * 5, tail, sizeof tail);
		art_tagger_free(tagger);
		tagger = art_tagger_new();
		expect_in("Backend Engineeringkafkaqueue", "Streams", text,
		          "Backend Engineering|kafka|queue");
		free(text);
	}
}
END_TEST

static void setup(void)
{
	tagger = art_tagger_new();
}
static void teardown(void)
{
	art_tagsplit_free(&split);
	art_tagger_free(tagger);
}

/* Two taggers in two threads split as one does: what taggers share (the
 * tables of endings, built by the first) is only read once built.  Run
 * without the fixture, so that the two threads make the first taggers of
 * the process at the same time. */
static const char *const records[][3] = {
    {"Backend Engineeringcachingmicroservices", "Caching in Front of Microservices",
     "How a cache layer with refactored invalidation keeps services fast."},
    {"Backend EngineeringJMQKafka", "JMQ or Kafka?", "Comparing the two brokers."},
    {"Rate Limitingcircuit breakermicroservices\u670d\u52a1\u6cbb\u7406",
     "Rate Limiting for Microservices", "circuit breakers, rate limits and governance"},
    {"DatabasesPostgreSQLautovacuum", "PostgreSQL Vacuum Tuning",
     "How autovacuum thresholds and fillfactor interact in PostgreSQL."},
    {"Cloud NativeDevOpsSearch Platform", "Rebuilding Our Search Platform",
     "How the DevOps team moved the search platform to containers."},
    {"LLM\u5927\u6a21\u578b\U0001F680", "My LLM Reading List", "Papers on large models."},
    {"Backend EngineeringGoci/cd", "Why Our Team Switched from Node.js to Go",
     "Go's advantages and the engineering practices around it."},
};
enum { NRECORDS = sizeof records / sizeof *records, ROUNDS = 20 };

struct splitting {
	char out[16384];
	bool ok;
};

static void *split_records(void *arg)
{
	struct splitting *job = arg;
	struct art_tagger *t = art_tagger_new();
	struct art_tagsplit sp = {0};
	size_t at = 0;
	job->ok = t != NULL;
	for (int round = 0; round < ROUNDS && job->ok; round++)
		for (size_t r = 0; r < NRECORDS && job->ok; r++) {
			art_str f[3];
			for (int i = 0; i < 3; i++)
				f[i] = (art_str){records[r][i], strlen(records[r][i])};
			job->ok = art_tags_split(t, f[0], f[1], f[2], &sp) == 0;
			for (size_t i = 0; i < sp.n && job->ok && at < sizeof job->out; i++)
				at += (size_t)snprintf(job->out + at, sizeof job->out - at,
				                       "%.*s%c", (int)sp.tags[i].n, sp.tags[i].p,
				                       i + 1 < sp.n ? '|' : '\n');
		}
	job->ok = job->ok && at < sizeof job->out;
	art_tagsplit_free(&sp);
	art_tagger_free(t);
	return NULL;
}

START_TEST(two_taggers_in_two_threads_split_as_one)
{
	static struct splitting a, b, one;
	pthread_t ta, tb;
	ck_assert_int_eq(pthread_create(&ta, NULL, split_records, &a), 0);
	ck_assert_int_eq(pthread_create(&tb, NULL, split_records, &b), 0);
	ck_assert_int_eq(pthread_join(ta, NULL), 0);
	ck_assert_int_eq(pthread_join(tb, NULL), 0);
	split_records(&one);
	ck_assert(a.ok && b.ok && one.ok);
	ck_assert_str_eq(a.out, one.out);
	ck_assert_str_eq(b.out, one.out);
	ck_assert_msg(strstr(one.out, "Backend Engineering|caching|microservices\n"),
	              "the endings were not used: %s", one.out);
}
END_TEST

static Suite *tags_suite(void)
{
	Suite *s = suite_create("tags");
	TCase *tc = tcase_create("tags");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, case_changes_are_the_usual_cuts);
	tcase_add_test(tc, capitals_inside_a_tag);
	tcase_add_test(tc, digits_and_symbols_inside_a_tag);
	tcase_add_test(tc, lowercase_tags);
	tcase_add_test(tc, acronyms_next_to_acronyms);
	tcase_add_test(tc, one_two_four_and_five_tags);
	tcase_add_test(tc, tags_come_in_byte_order);
	tcase_add_test(tc, a_lexicon_entry_is_preferred);
	tcase_add_test(tc, a_lexicon_file);
	tcase_add_test(tc, tags_are_learned_from_clean_records);
	tcase_add_test(tc, learning_held_back_until_told);
	tcase_add_test(tc, cuts_where_the_script_changes);
	tcase_add_test(tc, a_short_word_inside_lowercase_ends_no_tag);
	tcase_add_test(tc, a_tag_seen_cleanly_twice_is_learned);
	tcase_add_test(tc, learned_counts_weigh_in);
	tcase_add_test(tc, ties_are_broken_the_same_way_every_time);
	tcase_add_test(tc, explaining_changes_nothing);
	tcase_add_test(tc, a_line_of_known_tags);
	tcase_add_test(tc, an_explanation_reads_so);
	tcase_add_test(tc, edges_of_the_input);
	tcase_add_test(tc, memory_stays_bounded);
	tcase_add_test(tc, long_lines_and_texts);
	tcase_add_test(tc, every_word_of_a_long_text);
	suite_add_tcase(s, tc);
	TCase *threads = tcase_create("threads");
	tcase_add_test(threads, two_taggers_in_two_threads_split_as_one);
	suite_add_tcase(s, threads);
	return s;
}

UNIT_MAIN(tags_suite)
