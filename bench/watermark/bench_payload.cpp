// bench_payload: throughput of the invisible payload scheme, single-threaded, against baselines measured in the
// same run over the same bytes (a plain copy and a UTF-8 validation pass).
//
//   bench_payload [--corpus-mb N] [--reps N] [--doc-kb N]
//
// Corpus: generated English-like prose (a fixed vocabulary drawn with a fixed seed, punctuation, line breaks) cut
// into response-sized documents of about --doc-kb KiB. Figures are medians of --reps repetitions over all documents:
//  * encode: PayloadStamper construction + stampPayload, in MB/s of input text;
//  * decode: decodePayloads with one gateway key, in MB/s of input, on stamped text and on plain text;
//  * strip: stripPayload on stamped text, in MB/s of input;
//  * overhead: UTF-8 bytes the payload adds per word, and the size growth.
// Every stamped document must decode to the right client (else exit status 1). The last line is one JSON object.
#include "core/text/Utf8.h"
#include "core/watermark/Payload.h"
#include "core/watermark/Watermark.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace wm = modelguard::watermark;
using Clock = std::chrono::steady_clock;

struct Options
{
    double corpusMb = 4.0;
    int reps = 7;
    std::size_t docKb = 4;
};

Options parseArgs(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (i + 1 >= argc) {
            throw std::invalid_argument("missing value after " + std::string(arg));
        }
        const char* value = argv[++i];
        if (arg == "--corpus-mb") {
            o.corpusMb = std::strtod(value, nullptr);
        } else if (arg == "--reps") {
            o.reps = std::atoi(value);
        } else if (arg == "--doc-kb") {
            o.docKb = static_cast<std::size_t>(std::atoi(value));
        } else {
            throw std::invalid_argument("unknown option " + std::string(arg));
        }
    }
    if (o.corpusMb <= 0 || o.corpusMb > 512 || o.reps < 1 || o.reps > 101 || o.docKb < 1 || o.docKb > 1024) {
        throw std::invalid_argument("options out of range (corpus-mb 0..512, reps 1..101, doc-kb 1..1024)");
    }
    return o;
}

constexpr std::array<std::string_view, 48> kVocabulary {
    "the",     "of",       "and",      "to",        "in",      "a",         "is",       "that",
    "for",     "it",       "as",       "was",       "with",    "be",        "by",       "on",
    "not",     "he",       "this",     "are",       "or",      "his",       "from",     "at",
    "which",   "but",      "have",     "an",        "had",     "they",      "you",      "were",
    "model",   "gateway",  "response", "language",  "however", "therefore", "security", "important",
    "results", "training", "question", "different", "example", "system",    "function", "particular"};

std::vector<std::string> makeDocuments(const Options& o, std::size_t& words)
{
    std::mt19937 rng(20261122);
    std::uniform_int_distribution<std::size_t> pick(0, kVocabulary.size() - 1);
    std::uniform_int_distribution<int> percent(0, 99);
    const std::size_t total = static_cast<std::size_t>(o.corpusMb * 1e6);
    const std::size_t docBytes = o.docKb * 1024;
    std::vector<std::string> docs;
    std::size_t size = 0;
    words = 0;
    while (size < total) {
        std::string doc;
        while (doc.size() < docBytes) {
            if (!doc.empty()) {
                doc += percent(rng) < 4 ? "\n" : " ";
            }
            doc += kVocabulary[pick(rng)];
            ++words;
            const int p = percent(rng);
            doc += p < 7 ? "," : (p < 12 ? "." : "");
        }
        size += doc.size();
        docs.push_back(std::move(doc));
    }
    return docs;
}

/// Median wall time in seconds of reps runs of f.
double medianSeconds(int reps, const std::function<void()>& f)
{
    std::vector<double> times;
    for (int r = 0; r < reps; ++r) {
        const auto start = Clock::now();
        f();
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

std::size_t bytesOf(const std::vector<std::string>& docs)
{
    std::size_t n = 0;
    for (const auto& d : docs) {
        n += d.size();
    }
    return n;
}

int run(const Options& o)
{
    std::size_t words = 0;
    const std::vector<std::string> docs = makeDocuments(o, words);
    const double mb = static_cast<double>(bytesOf(docs)) / 1e6;
    wm::GatewayKey key {"gw-bench", std::vector<std::uint8_t>(32, 0x42)};
    const std::vector<wm::GatewayKey> keys {key};
    const std::string client = "client-bench-016"; // 16 bytes: the typical id of the spread guarantee
    constexpr std::uint32_t minute = 29'000'000;

    std::printf("bench_payload: %zu documents of ~%zu KiB, %.2f MB, %zu words, %d repetitions\n", docs.size(), o.docKb,
                mb, words, o.reps);

    volatile std::size_t sink = 0;
    const double copyS = medianSeconds(o.reps, [&] {
        for (const auto& d : docs) {
            std::string copy(d);
            sink = sink + copy.size();
        }
    });
    const double utf8S = medianSeconds(o.reps, [&] {
        for (const auto& d : docs) {
            sink = sink + (modelguard::text::isValidUtf8(d) ? 1U : 0U);
        }
    });

    std::vector<std::string> stamped(docs.size());
    const double encodeS = medianSeconds(o.reps, [&] {
        for (std::size_t i = 0; i < docs.size(); ++i) {
            wm::PayloadStamper stamper(key, client, minute);
            stamped[i] = wm::stampPayload(docs[i], stamper);
        }
    });
    const double stampOnlyS = medianSeconds(o.reps, [&] {
        wm::PayloadStamper stamper(key, client, minute);
        for (const auto& d : docs) {
            sink = sink + wm::stampPayload(d, stamper).size();
        }
    });
    const double constructS = medianSeconds(o.reps,
                                            [&] {
                                                for (int i = 0; i < 1000; ++i) {
                                                    wm::PayloadStamper stamper(key, client, minute);
                                                    sink = sink + stamper.period();
                                                }
                                            })
                              / 1000.0;
    const double stampedMb = static_cast<double>(bytesOf(stamped)) / 1e6;

    std::size_t frames = 0;
    std::size_t undecoded = 0;
    const double decodeS = medianSeconds(o.reps, [&] {
        frames = 0;
        undecoded = 0;
        for (const auto& d : stamped) {
            const auto found = wm::decodePayloads(d, keys);
            frames += found.size();
            const bool right = !found.empty() && std::all_of(found.begin(), found.end(), [&](const auto& p) {
                return p.clientId == client && p.issuedAtMinutes == minute;
            });
            undecoded += right ? 0 : 1;
        }
    });
    std::size_t falsePositives = 0;
    const double decodePlainS = medianSeconds(o.reps, [&] {
        falsePositives = 0;
        for (const auto& d : docs) {
            falsePositives += wm::decodePayloads(d, keys).size();
        }
    });
    std::size_t strippedMismatch = 0;
    const double stripS = medianSeconds(o.reps, [&] {
        strippedMismatch = 0;
        for (std::size_t i = 0; i < stamped.size(); ++i) {
            strippedMismatch += wm::stripPayload(stamped[i]) == docs[i] ? 0 : 1;
        }
    });

    const double addedPerWord = (stampedMb - mb) * 1e6 / static_cast<double>(words);
    wm::PayloadStamper probe(key, client, minute);
    std::printf("baseline  copy                  %9.1f MB/s\n", mb / copyS);
    std::printf("baseline  utf-8 validate        %9.1f MB/s\n", mb / utf8S);
    std::printf("encode    stamper + stamp       %9.1f MB/s of input  (%.1fx the time of utf-8 validation)\n",
                mb / encodeS, encodeS / utf8S);
    std::printf("encode    stamp only            %9.1f MB/s of input\n", mb / stampOnlyS);
    std::printf("encode    stamper construction  %9.2f us (HKDF x2 + HMAC; once per response)\n", constructS * 1e6);
    std::printf("decode    stamped text          %9.1f MB/s of input  (%.1f MB/s of visible text)  %zu frames, "
                "%zu/%zu documents not attributed\n",
                stampedMb / decodeS, mb / decodeS, frames, undecoded, stamped.size());
    std::printf("decode    plain text            %9.1f MB/s of input  (%.2fx the time of utf-8 validation)  %zu false "
                "positives\n",
                mb / decodePlainS, decodePlainS / utf8S, falsePositives);
    std::printf("strip     stamped text          %9.1f MB/s of input\n", stampedMb / stripS);
    std::printf("overhead  %zu code points/word, period %zu code points, %.2f UTF-8 bytes added per word, size "
                "+%.0f%%\n",
                probe.codePointsPerWord(), probe.period(), addedPerWord, 100.0 * (stampedMb / mb - 1.0));
    std::printf("{\"bench\":\"payload\",\"corpus_mb\":%.3f,\"documents\":%zu,\"words\":%zu,\"reps\":%d,"
                "\"copy_mb_s\":%.1f,\"utf8_mb_s\":%.1f,\"encode_mb_s\":%.1f,\"stamp_only_mb_s\":%.1f,"
                "\"stamper_construct_us\":%.2f,\"decode_stamped_mb_s\":%.1f,\"decode_plain_mb_s\":%.1f,"
                "\"strip_mb_s\":%.1f,\"code_points_per_word\":%zu,\"bytes_added_per_word\":%.2f,"
                "\"size_growth\":%.3f,\"frames\":%zu,\"undecoded_documents\":%zu,\"false_positives\":%zu,"
                "\"strip_mismatches\":%zu}\n",
                mb, docs.size(), words, o.reps, mb / copyS, mb / utf8S, mb / encodeS, mb / stampOnlyS, constructS * 1e6,
                stampedMb / decodeS, mb / decodePlainS, stampedMb / stripS, probe.codePointsPerWord(), addedPerWord,
                stampedMb / mb - 1.0, frames, undecoded, falsePositives, strippedMismatch);
    return (undecoded == 0 && falsePositives == 0 && strippedMismatch == 0) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(parseArgs(argc, argv));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_payload: %s\n", e.what());
        return 2;
    }
}
