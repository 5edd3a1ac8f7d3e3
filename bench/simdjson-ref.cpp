// bench/simdjson-ref - the reference make bench compares art's fastest
// streaming commands with: simdjson's ondemand API on one core, walking
// each record only as far as the field its work needs.
//
//   simdjson-ref tag TAG FILE     write the records with tag TAG
//   simdjson-ref since DATE FILE  write the records dated DATE or later
//   simdjson-ref tags FILE        count each tag once per record
//
// FILE is read in blocks cut at line ends (bounded memory, as art reads);
// the records kept are written as they were read.  Built by make bench
// only (not by make check), with libsimdjson-dev.
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

using namespace simdjson;

namespace {

constexpr size_t block_size = 4 << 20;

struct work {
	enum { tag, since, tags } mode;
	std::string arg;
	std::unordered_map<std::string, size_t> counts;
	std::string out;
};

void flush(work &w, bool all)
{
	if (w.out.size() >= (1 << 20) || (all && !w.out.empty())) {
		if (fwrite(w.out.data(), 1, w.out.size(), stdout) != w.out.size())
			throw std::runtime_error("write error");
		w.out.clear();
	}
}

// One record: true to write it.  Fields are looked up in the record's
// order (source, date, category, title, summary, tags, ...).
bool take(work &w, ondemand::document_reference doc)
{
	switch (w.mode) {
	case work::since: {
		std::string_view date = doc["date"].get_string();
		return date >= std::string_view(w.arg);
	}
	case work::tag:
		for (auto t : doc["tags"].get_array())
			if (std::string_view(t.get_string()) == w.arg)
				return true;
		return false;
	case work::tags: {
		std::vector<std::string_view> seen;
		for (auto t : doc["tags"].get_array()) {
			std::string_view s = t.get_string();
			if (std::find(seen.begin(), seen.end(), s) != seen.end())
				continue;
			seen.push_back(s);
			w.counts[std::string(s)]++;
		}
		return false;
	}
	}
	return false;
}

void block(work &w, ondemand::parser &parser, const char *p, size_t n)
{
	ondemand::document_stream docs = parser.iterate_many(p, n, block_size);
	for (auto it = docs.begin(); it != docs.end(); ++it) {
		if (take(w, *it)) {
			// the record's line, as it was read (one record a line)
			const char *start = p + it.current_index();
			const char *nl = static_cast<const char *>(memchr(start, '\n', p + n - start));
			w.out.append(start, nl ? nl - start + 1 : p + n - start);
			if (!nl)
				w.out.push_back('\n');
			flush(w, false);
		}
	}
}

int run(work &w, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "simdjson-ref: %s: %s\n", path, strerror(errno));
		return 2;
	}
	ondemand::parser parser;
	std::vector<char> buf(block_size + SIMDJSON_PADDING);
	size_t have = 0;
	for (;;) {
		size_t got = fread(buf.data() + have, 1, block_size - have, f);
		have += got;
		bool end = got == 0;
		size_t cut = have;
		if (!end) {
			const char *nl = static_cast<const char *>(memrchr(buf.data(), '\n', have));
			if (!nl) {
				fprintf(stderr, "simdjson-ref: %s: a line longer than %zu bytes\n",
				        path, block_size);
				return 2;
			}
			cut = nl - buf.data() + 1;
		}
		if (cut)
			block(w, parser, buf.data(), cut);
		memmove(buf.data(), buf.data() + cut, have - cut);
		have -= cut;
		if (end)
			break;
	}
	fclose(f);
	if (w.mode == work::tags) {
		std::vector<std::pair<std::string, size_t>> v(w.counts.begin(), w.counts.end());
		std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) {
			return a.second != b.second ? a.second > b.second : a.first < b.first;
		});
		for (const auto &[tag, n] : v)
			w.out += std::to_string(n) + "\t" + tag + "\n";
	}
	flush(w, true);
	return fflush(stdout) == 0 ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
	work w;
	const char *file;
	if (argc == 4 && strcmp(argv[1], "tag") == 0)
		w.mode = work::tag;
	else if (argc == 4 && strcmp(argv[1], "since") == 0)
		w.mode = work::since;
	else if (argc == 3 && strcmp(argv[1], "tags") == 0)
		w.mode = work::tags;
	else {
		fprintf(stderr, "usage: simdjson-ref tag TAG FILE | since DATE FILE | tags FILE\n");
		return 2;
	}
	if (argc == 4) {
		w.arg = argv[2];
		file = argv[3];
	} else {
		file = argv[2];
	}
	try {
		return run(w, file);
	} catch (const std::exception &e) {
		fprintf(stderr, "simdjson-ref: %s: %s\n", file, e.what());
		return 2;
	}
}
