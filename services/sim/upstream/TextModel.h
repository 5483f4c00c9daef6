#pragma once
// The simulator's "language model": a fixed vocabulary of 50,000 token ids and a word trigram table learnt from
// Debian's fortunes text, loaded once at start-up and shared read-only by every request and thread.
// The hidden logits built on top of it are in LogitModel; see docs/upstream-simulator.md for the whole model.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace modelguard::sim::upstream {

using TokenId = std::uint32_t;

class TextModel
{
public:
    static constexpr TokenId kVocabularySize = 50'000;
    static constexpr TokenId kEndOfText = 0; ///< ends a completion (finish_reason "stop"); renders as nothing
    static constexpr TokenId kParagraph = 1; ///< renders as a blank line
    static constexpr TokenId kFirstWord = 2;
    /// Corpus words beyond this many (by frequency) are left out; the remaining ids are synthetic pseudo-words that
    /// only a logit_bias can bring out.
    static constexpr TokenId kMaxCorpusWords = 40'000;

    /// The prose files of the fortunes package read by default (those of them that exist).
    static const std::vector<std::string>& defaultCorpusFiles();

    /// Loads the corpus from a fortunes directory. Throws std::runtime_error with a clear message if the
    /// directory or every corpus file is missing (install the Debian package `fortunes`).
    static std::shared_ptr<const TextModel> load(const std::filesystem::path& fortunesDir);
    /// Builds the model from text in fortune-file format (entries separated by lines holding "%"). For tests.
    static std::shared_ptr<const TextModel> fromText(std::string_view text);

    /// Text of a token id (< kVocabularySize); empty for kEndOfText, "\n\n" for kParagraph.
    const std::string& tokenText(TokenId id) const { return m_tokens[id]; }
    /// Id of a word or punctuation token, if in the vocabulary (case-sensitive).
    std::optional<TokenId> tokenId(std::string_view text) const;
    /// Number of ids that are corpus words (the rest up to kVocabularySize are pseudo-words).
    std::size_t corpusWordCount() const { return m_corpusWords; }

    /// A successor in the trigram table with its count.
    struct Successor
    {
        TokenId token;
        std::uint32_t count;
    };
    /// At most this many successors per state, the most frequent: keeps a step O(1) in the vocabulary size.
    static constexpr std::size_t kMaxSuccessors = 256;

    /// Successors of the two previous tokens (kParagraph stands for "start of text"), most frequent first, at most
    /// kMaxSuccessors; backs off to the previous token alone when the pair was seen fewer than twice, then to the
    /// start of text. Never empty. The span stays valid as long as the model.
    std::span<const Successor> successors(TokenId previous2, TokenId previous1) const;

    /// Context-free background logit of a token: every token that is not a candidate successor has this logit.
    double backgroundLogit(TokenId id) const { return m_background[id]; }
    /// All ids ordered by background logit, highest first (ties by id).
    const std::vector<TokenId>& backgroundOrder() const { return m_backgroundOrder; }

private:
    TextModel() = default;
    void train(const std::vector<std::vector<std::string>>& documents);
    void finishVocabulary();

    std::vector<std::string> m_tokens;
    std::unordered_map<std::string, TokenId> m_ids;
    std::size_t m_corpusWords = 0;
    std::vector<double> m_background;
    std::vector<TokenId> m_backgroundOrder;

    // Successor lists stored flat: key -> [begin, end) in m_successors.
    struct Range
    {
        std::uint32_t begin;
        std::uint32_t end;
        std::uint64_t total; ///< sum of the counts of the whole list
    };
    std::span<const Successor> top(const Range& range) const;
    std::unordered_map<std::uint64_t, Range> m_trigram;
    std::unordered_map<TokenId, Range> m_bigram;
    std::vector<Successor> m_successors;
};

} // namespace modelguard::sim::upstream
