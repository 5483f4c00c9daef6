#include "services/sim/upstream/TextModel.h"

#include "services/sim/upstream/SimHash.h"
#include "services/sim/upstream/SimTokenizer.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace modelguard::sim::upstream {

namespace {

constexpr std::string_view kSyllableConsonants = "bdfgklmnprstvz";
constexpr std::string_view kSyllableVowels = "aeiou";

/// A readable pseudo-word that encodes n uniquely (syllables in base 70), e.g. "bakoti".
std::string pseudoWord(std::uint32_t n)
{
    std::string word;
    const std::uint32_t base = static_cast<std::uint32_t>(kSyllableConsonants.size() * kSyllableVowels.size());
    do {
        const std::uint32_t syllable = n % base;
        word.push_back(kSyllableConsonants[syllable / kSyllableVowels.size()]);
        word.push_back(kSyllableVowels[syllable % kSyllableVowels.size()]);
        n /= base;
    } while (n > 0);
    return word + "th";
}

/// Keeps only the token kinds the model emits: words, and sentence and clause punctuation.
bool keepToken(std::string_view token)
{
    const auto c = static_cast<unsigned char>(token[0]);
    if (token.size() > 1 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        // Skip non-ASCII words (the fortunes files are mostly ASCII; keeping the output ASCII keeps it clean).
        return std::all_of(token.begin(), token.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; })
               && token.front() != '\'' && token.back() != '\'';
    }
    return SimTokenizer::isClosingPunctuation(token);
}

/// A fortune entry as a token list, or empty if it does not look like prose (verse layouts, code, ASCII art).
std::vector<std::string> proseTokens(const std::string& entry)
{
    std::string joined;
    std::istringstream lines(entry);
    std::string line;
    std::size_t letters = 0;
    std::size_t others = 0;
    while (std::getline(lines, line)) {
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos) {
            continue;
        }
        if (line.compare(first, 2, "--") == 0) {
            continue; // attribution line
        }
        for (const char ch : line) {
            const auto c = static_cast<unsigned char>(ch);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                ++letters;
            } else if (c != ' ' && c != '\t' && c != '.' && c != ',' && c != '\'') {
                ++others;
            }
        }
        joined += line;
        joined += ' ';
    }
    if (letters < 20 || others * 6 > letters) {
        return {};
    }
    std::vector<std::string> tokens;
    for (const std::string_view token : SimTokenizer::split(joined)) {
        if (keepToken(token)) {
            tokens.emplace_back(token);
        }
    }
    return tokens;
}

std::vector<std::vector<std::string>> parseFortunes(std::string_view text)
{
    std::vector<std::vector<std::string>> documents;
    std::string entry;
    std::size_t pos = 0;
    auto flush = [&] {
        auto tokens = proseTokens(entry);
        if (tokens.size() >= 5) {
            documents.push_back(std::move(tokens));
        }
        entry.clear();
    };
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = text.substr(pos, end - pos);
        if (line == "%") {
            flush();
        } else {
            entry.append(line);
            entry.push_back('\n');
        }
        pos = end + 1;
    }
    flush();
    return documents;
}

std::uint64_t pairKey(TokenId a, TokenId b)
{
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

} // namespace

const std::vector<std::string>& TextModel::defaultCorpusFiles()
{
    static const std::vector<std::string> files {"education",     "food",       "fortunes",   "humorists", "kids",
                                                 "law",           "literature", "love",       "medicine",  "men-women",
                                                 "miscellaneous", "people",     "platitudes", "politics",  "science",
                                                 "sports",        "wisdom",     "work"};
    return files;
}

std::shared_ptr<const TextModel> TextModel::load(const std::filesystem::path& fortunesDir)
{
    if (!std::filesystem::is_directory(fortunesDir)) {
        throw std::runtime_error("fortunes directory " + fortunesDir.string()
                                 + " not found: install the Debian package 'fortunes'");
    }
    std::string text;
    for (const std::string& name : defaultCorpusFiles()) {
        std::ifstream in(fortunesDir / name, std::ios::binary);
        if (!in) {
            continue;
        }
        std::ostringstream content;
        content << in.rdbuf();
        text += content.str();
        text += "\n%\n";
    }
    if (text.empty()) {
        throw std::runtime_error("no fortunes text found in " + fortunesDir.string()
                                 + ": install the Debian package 'fortunes'");
    }
    return fromText(text);
}

std::shared_ptr<const TextModel> TextModel::fromText(std::string_view text)
{
    const auto documents = parseFortunes(text);
    if (documents.empty()) {
        throw std::runtime_error("the fortunes text holds no usable prose");
    }
    std::shared_ptr<TextModel> model(new TextModel()); // private constructor: make_shared cannot reach it
    model->train(documents);
    return model;
}

void TextModel::train(const std::vector<std::vector<std::string>>& documents)
{
    // Vocabulary: corpus tokens by frequency (ties alphabetical), then pseudo-words.
    std::unordered_map<std::string, std::uint64_t> frequency;
    for (const auto& document : documents) {
        for (const std::string& token : document) {
            ++frequency[token];
        }
    }
    std::vector<std::pair<std::string, std::uint64_t>> byFrequency(frequency.begin(), frequency.end());
    std::sort(byFrequency.begin(), byFrequency.end(), [](const auto& a, const auto& b) {
        return a.second > b.second || (a.second == b.second && a.first < b.first);
    });
    m_tokens.assign({std::string(), std::string("\n\n")});
    for (const auto& entry : byFrequency) {
        if (m_tokens.size() >= kFirstWord + kMaxCorpusWords) {
            break;
        }
        m_tokens.push_back(entry.first);
    }
    m_corpusWords = m_tokens.size() - kFirstWord;
    for (TokenId id = 0; id < m_tokens.size(); ++id) {
        m_ids.emplace(m_tokens[id], id);
    }
    for (std::uint32_t n = 0; m_tokens.size() < kVocabularySize; ++n) {
        std::string word = pseudoWord(n);
        if (m_ids.emplace(word, static_cast<TokenId>(m_tokens.size())).second) {
            m_tokens.push_back(std::move(word));
        }
    }

    // (state, next) observations; each document starts in the state (kParagraph, kParagraph). Bigram states are
    // keyed with a marker in the high word so that both tables share one sort.
    constexpr std::uint64_t bigramMarker = 0xFFFF'FFFFull << 32;
    std::vector<std::pair<std::uint64_t, TokenId>> observations;
    for (const auto& document : documents) {
        TokenId p2 = kParagraph;
        TokenId p1 = kParagraph;
        for (const std::string& token : document) {
            const auto it = m_ids.find(token);
            if (it == m_ids.end() || it->second >= kFirstWord + m_corpusWords) {
                p2 = kParagraph; // out-of-vocabulary word: restart the context
                p1 = kParagraph;
                continue;
            }
            observations.emplace_back(pairKey(p2, p1), it->second);
            observations.emplace_back(bigramMarker | p1, it->second);
            p2 = p1;
            p1 = it->second;
        }
    }
    std::sort(observations.begin(), observations.end());
    std::vector<Successor> list;
    for (std::size_t i = 0; i < observations.size();) {
        const std::uint64_t key = observations[i].first;
        list.clear();
        std::uint64_t total = 0;
        for (; i < observations.size() && observations[i].first == key;) {
            const TokenId next = observations[i].second;
            std::uint32_t count = 0;
            for (; i < observations.size() && observations[i].first == key && observations[i].second == next; ++i) {
                ++count;
            }
            list.push_back({next, count});
            total += count;
        }
        std::stable_sort(list.begin(), list.end(),
                         [](const Successor& a, const Successor& b) { return a.count > b.count; });
        const auto begin = static_cast<std::uint32_t>(m_successors.size());
        m_successors.insert(m_successors.end(), list.begin(), list.end());
        const Range range {begin, static_cast<std::uint32_t>(m_successors.size()), total};
        if ((key & bigramMarker) == bigramMarker) {
            m_bigram.emplace(static_cast<TokenId>(key & 0xFFFF'FFFFull), range);
        } else {
            m_trigram.emplace(key, range);
        }
    }
    finishVocabulary();
}

void TextModel::finishVocabulary()
{
    // Background logits: corpus words slightly above pseudo-words, with a fixed per-id jitter. They sit far below
    // any candidate successor (log-probabilities plus noise, rarely below -12): all 50,000 together hold about 0.1 %
    // of the mass at temperature 1, so they matter only under logit_bias or a high temperature.
    m_background.resize(kVocabularySize);
    for (TokenId id = 0; id < kVocabularySize; ++id) {
        const double jitter = unitInterval(mix64(0xB4C6'0001ull + id));
        const bool corpusWord = id >= kFirstWord && id < kFirstWord + m_corpusWords;
        m_background[id] = (corpusWord ? -16.0 : -18.0) - 3.0 * jitter;
    }
    m_background[kEndOfText] = -22.0;
    m_background[kParagraph] = -22.0;
    m_backgroundOrder.resize(kVocabularySize);
    for (TokenId id = 0; id < kVocabularySize; ++id) {
        m_backgroundOrder[id] = id;
    }
    std::stable_sort(m_backgroundOrder.begin(), m_backgroundOrder.end(),
                     [this](TokenId a, TokenId b) { return m_background[a] > m_background[b]; });
}

std::optional<TokenId> TextModel::tokenId(std::string_view text) const
{
    const auto it = m_ids.find(std::string(text));
    if (it == m_ids.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::span<const TextModel::Successor> TextModel::top(const Range& range) const
{
    const std::size_t size = std::min<std::size_t>(range.end - range.begin, kMaxSuccessors);
    return {m_successors.data() + range.begin, size};
}

std::span<const TextModel::Successor> TextModel::successors(TokenId previous2, TokenId previous1) const
{
    // A trigram state seen only once would copy the corpus verbatim; back off to the bigram then.
    if (const auto it = m_trigram.find(pairKey(previous2, previous1)); it != m_trigram.end() && it->second.total >= 2) {
        return top(it->second);
    }
    if (const auto it = m_bigram.find(previous1); it != m_bigram.end()) {
        return top(it->second);
    }
    return top(m_trigram.at(pairKey(kParagraph, kParagraph)));
}

} // namespace modelguard::sim::upstream
