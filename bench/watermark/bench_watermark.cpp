// bench_watermark: cost of the watermark engine on English prose, single-threaded, against baselines measured in
// the same run (a plain copy and a UTF-8 validation pass over the same bytes).
//
//   bench_watermark [--corpus-mb N] [--reps N] [--doc-kb N] [--fortunes DIR]
//
// Corpus: the prose files of Debian's `fortunes` package (fortunes with control characters skipped), repeated up to
// --corpus-mb megabytes and cut into response-sized documents of about --doc-kb KiB at fortune boundaries.
// Figures (medians of --reps repetitions, each over the whole corpus, in CPU time of the benchmark thread, so that
// they give the cost per core even on a busy machine):
//  * detection throughput in MB/s of input, with 1 candidate client and with 10, on plain and watermarked text
//    (target >= 50 MB/s per core);
//  * embedding cost in microseconds per KiB of response, one-shot and streamed in SSE-sized chunks
//    (target <= 20 us/KiB);
//  * the share of words the lexical scheme changes at the default strength, and five before/after examples (visible
//    text, payload stripped).
// The last line of output is one JSON object with every figure.
#include "core/text/Utf8.h"
#include "core/watermark/Payload.h"
#include "core/watermark/Watermark.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <time.h>

namespace {

namespace fs = std::filesystem;
namespace wm = modelguard::watermark;

/// Prose files of the fortunes package (no code listings, ASCII art or definitions lists).
constexpr std::array kProseFiles {"fortunes",      "literature", "humorists", "wisdom",    "people",     "work",
                                  "love",          "education",  "politics",  "science",   "platitudes", "men-women",
                                  "miscellaneous", "kids",       "food",      "law",       "medicine",   "pets",
                                  "sports",        "cookie",     "goedel",    "paradoxum", "pratchett",  "tao"};

/// Chunk sizes of a streamed response: an SSE delta carries about one token, 2..9 bytes of English.
constexpr std::array<std::size_t, 8> kSseChunkSizes {3, 5, 4, 7, 2, 6, 4, 9};

struct Options
{
    double corpusMb = 4.0;
    int reps = 5;
    std::size_t docKb = 4;
    std::string fortunesDir = "/usr/share/games/fortunes";
};

Options parseArgs(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                throw std::runtime_error("missing value for " + std::string(arg));
            }
            return argv[++i];
        };
        if (arg == "--corpus-mb") {
            o.corpusMb = std::stod(value());
        } else if (arg == "--reps") {
            o.reps = std::stoi(value());
        } else if (arg == "--doc-kb") {
            o.docKb = static_cast<std::size_t>(std::stoul(value()));
        } else if (arg == "--fortunes") {
            o.fortunesDir = value();
        } else {
            throw std::runtime_error("unknown argument " + std::string(arg)
                                     + " (--corpus-mb N, --reps N, --doc-kb N, --fortunes DIR)");
        }
    }
    if (!(o.corpusMb > 0.0) || o.reps < 5 || o.docKb == 0) {
        throw std::runtime_error("need --corpus-mb > 0, --reps >= 5 and --doc-kb > 0");
    }
    return o;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// The clean fortunes of the prose files, in file order.
std::vector<std::string> loadFortunes(const std::string& dir)
{
    std::vector<std::string> fortunes;
    for (const char* file : kProseFiles) {
        const std::string all = readFile(fs::path(dir) / file);
        std::size_t pos = 0;
        while (pos < all.size()) {
            std::size_t end = all.find("\n%\n", pos);
            if (end == std::string::npos) {
                end = all.size();
            }
            const std::string_view fortune = std::string_view(all).substr(pos, end - pos);
            pos = end + 3;
            const bool clean = std::all_of(fortune.begin(), fortune.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t';
            });
            if (clean && !fortune.empty() && modelguard::text::isValidUtf8(fortune)) {
                fortunes.emplace_back(fortune);
            }
        }
    }
    if (fortunes.empty()) {
        throw std::runtime_error("no fortunes found in " + dir + " (Debian package 'fortunes')");
    }
    return fortunes;
}

/// Documents of about docBytes each, made of whole fortunes, repeated until totalBytes.
std::vector<std::string> makeDocuments(const std::vector<std::string>& fortunes, std::size_t totalBytes,
                                       std::size_t docBytes)
{
    std::vector<std::string> docs;
    std::size_t total = 0;
    std::string doc;
    for (std::size_t i = 0; total < totalBytes; i = (i + 1) % fortunes.size()) {
        doc += fortunes[i];
        doc += "\n\n";
        if (doc.size() >= docBytes) {
            total += doc.size();
            docs.push_back(std::move(doc));
            doc.clear();
        }
    }
    return docs;
}

std::size_t totalSize(const std::vector<std::string>& docs)
{
    std::size_t n = 0;
    for (const std::string& d : docs) {
        n += d.size();
    }
    return n;
}

/// CPU time of the calling thread, in seconds: per-core cost, unaffected by other processes waiting for the CPU.
double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// Median thread CPU time in seconds of reps runs of fn, after one warm-up run.
double medianSeconds(int reps, const std::function<void()>& fn)
{
    fn();
    std::vector<double> times;
    for (int r = 0; r < reps; ++r) {
        const double start = threadCpuSeconds();
        fn();
        times.push_back(threadCpuSeconds() - start);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

volatile std::size_t g_sink = 0; // keeps measured results alive

/// Words as the visible text shows them: maximal runs of letters, digits, apostrophes and non-ASCII bytes.
struct Word
{
    std::size_t begin;
    std::size_t end;
};

std::vector<Word> splitWords(std::string_view text)
{
    std::vector<Word> words;
    std::size_t i = 0;
    auto isWordByte = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '\'';
    };
    while (i < text.size()) {
        if (!isWordByte(text[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        while (i < text.size() && isWordByte(text[i])) {
            ++i;
        }
        words.push_back({begin, i});
    }
    return words;
}

struct WordChanges
{
    std::size_t words = 0;
    std::size_t changed = 0;
    std::size_t misaligned = 0; ///< documents whose word count changed (compared by longest common subsequence)
};

/// Number of words of `before` that are not in a longest common subsequence with `after` (O(n*m); used only for
/// the rare documents whose word count changed).
std::size_t lcsChanged(std::string_view before, const std::vector<Word>& a, std::string_view after,
                       const std::vector<Word>& b)
{
    auto word = [](std::string_view t, const Word& w) { return t.substr(w.begin, w.end - w.begin); };
    std::vector<std::size_t> prev(b.size() + 1, 0);
    std::vector<std::size_t> cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = word(before, a[i - 1]) == word(after, b[j - 1]) ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        }
        std::swap(prev, cur);
    }
    return a.size() - prev[b.size()];
}

struct Example
{
    std::string before;
    std::string after;
};

/// About 30 words around the first changed word of a document, as written (punctuation kept, line breaks turned
/// into spaces), changed words in [brackets] on both sides.
Example makeExample(std::string_view before, const std::vector<Word>& a, std::string_view after,
                    const std::vector<Word>& b, std::size_t firstChange)
{
    const std::size_t from = firstChange >= 8 ? firstChange - 8 : 0;
    const std::size_t to = std::min(a.size(), from + 30);
    auto render = [&](std::string_view text, const std::vector<Word>& words, const std::vector<Word>& other,
                      std::string_view otherText) {
        std::string out;
        std::size_t at = words[from].begin;
        for (std::size_t i = from; i < to; ++i) {
            for (; at < words[i].begin; ++at) {
                const char c = text[at];
                const bool space = c == ' ' || c == '\n' || c == '\t';
                if (!space || (!out.empty() && out.back() != ' ')) {
                    out += space ? ' ' : c;
                }
            }
            const std::string_view w = text.substr(words[i].begin, words[i].end - words[i].begin);
            const std::string_view o = otherText.substr(other[i].begin, other[i].end - other[i].begin);
            out += w == o ? std::string(w) : "[" + std::string(w) + "]";
            at = words[i].end;
        }
        return out;
    };
    return {render(before, a, b, after), render(after, b, a, before)};
}

std::string jsonEscape(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
try {
    const Options opt = parseArgs(argc, argv);
    const std::vector<std::string> fortunes = loadFortunes(opt.fortunesDir);
    const std::vector<std::string> docs =
        makeDocuments(fortunes, static_cast<std::size_t>(opt.corpusMb * 1024 * 1024), opt.docKb * 1024);
    const std::size_t bytes = totalSize(docs);
    const double mb = static_cast<double>(bytes) / 1e6;
    const double kib = static_cast<double>(bytes) / 1024.0;

    // A fixed secret, so that runs are comparable.
    wm::GatewayKey key;
    key.gatewayId = "gw-bench";
    const auto seed = modelguard::crypto::sha256(std::string_view("modelguard bench_watermark key"));
    key.secret.assign(seed.begin(), seed.end());
    std::vector<std::string> clients;
    for (int i = 0; i < 10; ++i) {
        clients.push_back("client-" + std::to_string(i));
    }
    const std::string& target = clients[3];
    wm::EmbedOptions embedOptions; // defaults: both schemes, default strength
    embedOptions.issuedAtMinutes = 28000000;
    const wm::Embedder embedder(key, target, embedOptions);

    std::printf("bench_watermark: %zu documents of ~%zu KiB, %.2f MB of English prose (fortunes), %d repetitions, "
                "medians of thread CPU time, single thread\n",
                docs.size(), opt.docKb, mb, opt.reps);

    // Baselines over the same bytes.
    std::string copyBuffer(bytes, '\0');
    const double copyS = medianSeconds(opt.reps, [&] {
        std::size_t at = 0;
        for (const std::string& d : docs) {
            std::memcpy(copyBuffer.data() + at, d.data(), d.size());
            at += d.size();
        }
        g_sink = g_sink + static_cast<unsigned char>(copyBuffer[at / 2]);
    });
    const double utf8S = medianSeconds(opt.reps, [&] {
        std::size_t valid = 0;
        for (const std::string& d : docs) {
            valid += modelguard::text::isValidUtf8(d) ? 1 : 0;
        }
        g_sink = g_sink + valid;
    });
    std::printf("baseline  copy            %9.1f MB/s\n", mb / copyS);
    std::printf("baseline  utf-8 validate  %9.1f MB/s\n", mb / utf8S);

    // Embedding.
    std::vector<std::string> marked;
    const double embedS = medianSeconds(opt.reps, [&] {
        marked.clear();
        for (const std::string& d : docs) {
            marked.push_back(embedder.embed(d));
        }
    });
    const double streamS = medianSeconds(opt.reps, [&] {
        std::size_t out = 0;
        std::size_t k = 0;
        for (const std::string& d : docs) {
            const auto stream = embedder.stream();
            const std::string_view text = d;
            for (std::size_t pos = 0; pos < text.size();) {
                const std::size_t n = std::min(kSseChunkSizes[k++ % kSseChunkSizes.size()], text.size() - pos);
                out += stream->push(text.substr(pos, n)).size();
                pos += n;
            }
            out += stream->finish().size();
        }
        g_sink = g_sink + out;
    });
    auto schemeEmbedS = [&](wm::Scheme scheme) {
        wm::EmbedOptions o = embedOptions;
        o.scheme = scheme;
        const wm::Embedder e(key, target, o);
        return medianSeconds(opt.reps, [&] {
            std::size_t out = 0;
            for (const std::string& d : docs) {
                out += e.embed(d).size();
            }
            g_sink = g_sink + out;
        });
    };
    const double payloadOnlyS = schemeEmbedS(wm::Scheme::Payload);
    const double lexicalOnlyS = schemeEmbedS(wm::Scheme::Lexical);
    constexpr int kConstructions = 200;
    const double constructS =
        medianSeconds(opt.reps,
                      [&] {
                          for (int i = 0; i < kConstructions; ++i) {
                              const wm::Embedder e(key, clients[static_cast<std::size_t>(i) % 10], embedOptions);
                              g_sink = g_sink + 1;
                          }
                      })
        / kConstructions;
    const double usPerKibEmbed = embedS * 1e6 / kib;
    const double usPerKibStream = streamS * 1e6 / kib;
    const double usPerKibCopy = copyS * 1e6 / kib;
    std::printf("embed     one-shot (both)   %7.2f us/KiB  (%.0fx copy)   target <= 20 us/KiB\n", usPerKibEmbed,
                embedS / copyS);
    std::printf("embed     streamed (both)   %7.2f us/KiB  (%.0fx copy)   SSE chunks of 2-9 bytes\n", usPerKibStream,
                streamS / copyS);
    std::printf("embed     payload only      %7.2f us/KiB\n", payloadOnlyS * 1e6 / kib);
    std::printf("embed     lexical only      %7.2f us/KiB\n", lexicalOnlyS * 1e6 / kib);
    std::printf("embedder  construction      %7.2f us (per client and key, cacheable)\n", constructS * 1e6);

    // Detection.
    const wm::Detector detector(std::vector<wm::GatewayKey> {key});
    auto detectS = [&](const std::vector<std::string>& texts, std::size_t candidates, std::size_t& hits) {
        wm::DetectOptions o;
        o.candidateClients.assign(clients.begin(), clients.begin() + static_cast<std::ptrdiff_t>(candidates));
        if (candidates == 1) {
            o.candidateClients = {target};
        }
        o.collectEvidence = false;
        return medianSeconds(opt.reps, [&] {
            hits = 0;
            for (const std::string& t : texts) {
                hits += detector.detect(t, o).verdict == wm::Verdict::Watermarked ? 1 : 0;
            }
        });
    };
    const double markedMb = static_cast<double>(totalSize(marked)) / 1e6;
    std::size_t hitsPlain1 = 0;
    std::size_t hitsPlain10 = 0;
    std::size_t hitsMarked1 = 0;
    std::size_t hitsMarked10 = 0;
    const double plain1S = detectS(docs, 1, hitsPlain1);
    const double plain10S = detectS(docs, 10, hitsPlain10);
    const double marked1S = detectS(marked, 1, hitsMarked1);
    const double marked10S = detectS(marked, 10, hitsMarked10);
    std::printf("detect    plain,  1 client  %9.1f MB/s  (%.1fx utf-8 validation)  watermarked %zu/%zu\n", mb / plain1S,
                plain1S / utf8S, hitsPlain1, docs.size());
    std::printf("detect    plain, 10 clients %9.1f MB/s  (%.1fx utf-8 validation)  watermarked %zu/%zu\n",
                mb / plain10S, plain10S / utf8S, hitsPlain10, docs.size());
    std::printf("detect    marked, 1 client  %9.1f MB/s  (%.1fx utf-8 validation)  watermarked %zu/%zu\n",
                markedMb / marked1S, marked1S / (utf8S * markedMb / mb), hitsMarked1, marked.size());
    std::printf("detect    marked,10 clients %9.1f MB/s  (%.1fx utf-8 validation)  watermarked %zu/%zu\n",
                markedMb / marked10S, marked10S / (utf8S * markedMb / mb), hitsMarked10, marked.size());
    std::printf("          (MB/s of input bytes; 'marked' input includes the invisible payload; target >= 50 MB/s)\n");

    // What the lexical scheme does to the visible text at the default strength.
    WordChanges changes;
    std::vector<Example> examples;
    const std::size_t exampleStride = std::max<std::size_t>(1, docs.size() / 5);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const std::string visible = wm::stripPayload(marked[i]);
        const std::vector<Word> a = splitWords(docs[i]);
        const std::vector<Word> b = splitWords(visible);
        changes.words += a.size();
        if (a.size() != b.size()) {
            ++changes.misaligned;
            changes.changed += lcsChanged(docs[i], a, visible, b);
            continue;
        }
        std::size_t firstChange = a.size();
        for (std::size_t w = 0; w < a.size(); ++w) {
            const bool same = std::string_view(docs[i]).substr(a[w].begin, a[w].end - a[w].begin)
                              == std::string_view(visible).substr(b[w].begin, b[w].end - b[w].begin);
            if (!same) {
                ++changes.changed;
                firstChange = std::min(firstChange, w);
            }
        }
        if (examples.size() < 5 && i % exampleStride == 0 && firstChange < a.size()) {
            examples.push_back(makeExample(docs[i], a, visible, b, firstChange));
        }
    }
    const double changedShare =
        changes.words == 0 ? 0.0 : static_cast<double>(changes.changed) / static_cast<double>(changes.words);
    std::printf("lexical   words changed at default strength: %.1f%% (%zu of %zu words; %zu documents aligned by "
                "LCS)\n",
                100.0 * changedShare, changes.changed, changes.words, changes.misaligned);
    std::printf("          size growth with the payload: %.1f%%\n", 100.0 * (markedMb / mb - 1.0));
    for (std::size_t i = 0; i < examples.size(); ++i) {
        std::printf("example %zu\n  before: %s\n  after:  %s\n", i + 1, examples[i].before.c_str(),
                    examples[i].after.c_str());
    }

    std::string examplesJson;
    for (const Example& e : examples) {
        examplesJson += (examplesJson.empty() ? "" : ",");
        examplesJson += "{\"before\":\"" + jsonEscape(e.before) + "\",\"after\":\"" + jsonEscape(e.after) + "\"}";
    }
    std::printf("{\"bench\":\"watermark\",\"corpus_mb\":%.3f,\"documents\":%zu,\"reps\":%d,"
                "\"copy_mb_s\":%.1f,\"utf8_validate_mb_s\":%.1f,"
                "\"detect_plain_1_client_mb_s\":%.2f,\"detect_plain_10_clients_mb_s\":%.2f,"
                "\"detect_marked_1_client_mb_s\":%.2f,\"detect_marked_10_clients_mb_s\":%.2f,"
                "\"detect_1_client_vs_utf8\":%.2f,\"detect_10_clients_vs_utf8\":%.2f,"
                "\"detected_marked_1_client\":%zu,\"detected_marked_10_clients\":%zu,\"detected_plain_10_clients\":%zu,"
                "\"embed_us_per_kib\":%.3f,\"embed_stream_us_per_kib\":%.3f,\"embed_payload_us_per_kib\":%.3f,"
                "\"embed_lexical_us_per_kib\":%.3f,\"copy_us_per_kib\":%.4f,\"embed_vs_copy\":%.1f,"
                "\"embedder_construction_us\":%.2f,\"words_changed_share\":%.4f,\"payload_size_growth\":%.4f,"
                "\"target_detect_mb_s\":50,\"target_embed_us_per_kib\":20,\"examples\":[%s]}\n",
                mb, docs.size(), opt.reps, mb / copyS, mb / utf8S, mb / plain1S, mb / plain10S, markedMb / marked1S,
                markedMb / marked10S, plain1S / utf8S, plain10S / utf8S, hitsMarked1, hitsMarked10, hitsPlain10,
                usPerKibEmbed, usPerKibStream, payloadOnlyS * 1e6 / kib, lexicalOnlyS * 1e6 / kib, usPerKibCopy,
                embedS / copyS, constructS * 1e6, changedShare, markedMb / mb - 1.0, examplesJson.c_str());
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_watermark: %s\n", e.what());
    return 2;
}
