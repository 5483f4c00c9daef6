#include "core/watermark/LexicalScorer.h"

#include "core/text/Utf8.h"
#include "core/watermark/LexicalTokenizer.h"
#include "core/watermark/Statistics.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace modelguard::watermark {

namespace {

struct PairKey
{
    std::string_view context;
    std::uint32_t classId;
    bool operator==(const PairKey&) const = default;
};
struct PairKeyHash
{
    std::size_t operator()(const PairKey& k) const noexcept
    {
        return static_cast<std::size_t>(fnv1a64(k.context)
                                        ^ (static_cast<std::uint64_t>(k.classId) * 0x9E3779B97F4A7C15ULL));
    }
};

} // namespace

LexicalScan scanLexical(std::string_view text, const Lexicon& lexicon, unsigned contextWidth)
{
    LexicalScan scan;
    LexicalTokenizer tokenizer;
    std::string context;
    // Keys point into scan.pairs[i].context; reserve stability is ensured by storing indices and rebuilding views
    // from a separate arena of contexts.
    std::vector<std::unique_ptr<std::string>> arena;
    std::unordered_map<PairKey, std::uint32_t, PairKeyHash> index;
    bool inForeign = false;
    // Per pair, how often each member occurs (in order of first occurrence).
    std::vector<std::vector<std::pair<std::uint8_t, std::uint32_t>>> memberCounts;

    auto onWord = [&](const WordToken& w) {
        ++scan.words;
        if (w.scorable()) {
            if (const auto entry = lexicon.find(w.lower, w.hash)) {
                const std::string_view ctx = contextWidth == 0 ? std::string_view {} : std::string_view(context);
                auto it = index.find(PairKey {ctx, entry->classId});
                std::uint32_t pairIndex = 0;
                if (it == index.end()) {
                    arena.push_back(std::make_unique<std::string>(ctx));
                    pairIndex = static_cast<std::uint32_t>(scan.pairs.size());
                    index.emplace(PairKey {*arena.back(), entry->classId}, pairIndex);
                    scan.pairs.push_back(LexicalScan::Pair {std::string(ctx), entry->classId, entry->member});
                } else {
                    pairIndex = it->second;
                }
                auto& counts = memberCounts.size() > pairIndex ? memberCounts[pairIndex] : memberCounts.emplace_back();
                auto found = std::find_if(counts.begin(), counts.end(),
                                          [&](const auto& mc) { return mc.first == entry->member; });
                if (found == counts.end()) {
                    counts.emplace_back(entry->member, 1);
                } else {
                    ++found->second;
                }
                scan.occurrences.push_back(LexicalScan::Occurrence {w.begin, w.end, pairIndex, entry->member});
            }
        }
        if (contextWidth > 0) {
            context.assign(contextKeyOf(w));
        }
    };

    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto b = static_cast<unsigned char>(text[pos]);
        char32_t cp = b;
        std::size_t len = 1;
        if (b >= 0x80) {
            const text::DecodedChar c = text::decodeAt(text, pos);
            cp = c.valid ? c.codePoint : text::kReplacementChar;
            len = c.length;
        }
        const bool foreign = cp >= 0x80 && isTaintingCodePoint(cp);
        if (foreign && !inForeign) {
            ++scan.foreignRuns;
        }
        if (!(cp >= 0x80 && text::isDefaultIgnorable(cp))) {
            inForeign = foreign;
        }
        if (tokenizer.push(cp, pos, len)) {
            onWord(tokenizer.word());
        }
        pos += len;
    }
    if (tokenizer.finish()) {
        onWord(tokenizer.word());
    }
    // A repeated pair is scored once, by its most frequent member (ties: the first seen). The choice depends on
    // the text only, never on the key, so the null hypothesis is unchanged; and a few inserted human words cannot
    // outvote the watermarked occurrences of a pair.
    for (std::size_t i = 0; i < scan.pairs.size() && i < memberCounts.size(); ++i) {
        const auto& counts = memberCounts[i];
        const auto best = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
            return a.second < b.second; // max_element keeps the first of equal maxima
        });
        if (best != counts.end()) {
            scan.pairs[i].member = best->first;
        }
    }
    return scan;
}

LexicalScore scoreLexical(const LexicalScan& scan, const LexicalKey& key, std::vector<bool>* greenPerPair)
{
    LexicalScore score;
    if (greenPerPair != nullptr) {
        greenPerPair->assign(scan.pairs.size(), false);
    }
    for (std::size_t i = 0; i < scan.pairs.size(); ++i) {
        const LexicalScan::Pair& p = scan.pairs[i];
        const PairDecision d = key.decide(p.context, p.classId);
        const bool green = ((d.greenMask >> p.member) & 1U) != 0;
        score.green += green ? 1 : 0;
        if (greenPerPair != nullptr) {
            (*greenPerPair)[i] = green;
        }
    }
    score.scored = static_cast<std::uint32_t>(scan.pairs.size());
    score.logP = logBinomialUpperTail(score.green, score.scored, key.params().gamma);
    score.z = zScore(score.green, score.scored, key.params().gamma);
    return score;
}

} // namespace modelguard::watermark
