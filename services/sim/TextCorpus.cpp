#include "services/sim/TextCorpus.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace modelguard::sim {
namespace {

// Fortune files with ordinary prose (not ASCII art, not the offensive sets, not non-English ones).
constexpr const char* kFortuneFiles[] = {"fortunes",   "computers", "science", "wisdom", "people",   "literature",
                                         "work",       "education", "food",    "law",    "medicine", "politics",
                                         "platitudes", "pets",      "sports",  "love",   "news",     "miscellaneous"};

std::string collapseWhitespace(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

std::string readFile(const std::filesystem::path& path, const char* package)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("traffic simulation corpus: cannot read " + path.string()
                                 + " (install the Debian package '" + package + "', see scripts/packages.txt)");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string lemmaText(std::string_view lemma)
{
    std::string out(lemma);
    // Adjective lemmas may carry a syntactic marker such as "(a)"; drop it.
    if (const auto paren = out.find('('); paren != std::string::npos) {
        out.erase(paren);
    }
    for (char& c : out) {
        if (c == '_') {
            c = ' ';
        }
    }
    return out;
}

/// Parses a WordNet data.* file; calls sink(firstLemma, definition, examples) for every synset.
template <typename Sink>
void parseWordnet(const std::string& text, Sink&& sink)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) {
            end = text.size();
        }
        const std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        if (line.size() < 20 || line[0] == ' ') {
            continue; // licence header
        }
        const auto bar = line.find(" | ");
        if (bar == std::string_view::npos) {
            continue;
        }
        // offset lex_filenum ss_type w_cnt word ...
        std::size_t field = 0;
        std::size_t i = 0;
        std::string_view lemma;
        while (i < bar && field < 5) {
            const std::size_t next = line.find(' ', i);
            if (next == std::string_view::npos || next > bar) {
                break;
            }
            if (field == 4) {
                lemma = line.substr(i, next - i);
            }
            ++field;
            i = next + 1;
        }
        if (lemma.empty()) {
            continue;
        }
        std::string_view gloss = line.substr(bar + 3);
        while (!gloss.empty() && (gloss.back() == ' ' || gloss.back() == '\r')) {
            gloss.remove_suffix(1);
        }
        std::string_view definition = gloss;
        std::vector<std::string_view> examples;
        if (const auto semi = gloss.find("; \""); semi != std::string_view::npos) {
            definition = gloss.substr(0, semi);
            std::string_view rest = gloss.substr(semi + 2);
            while (!rest.empty()) {
                const auto open = rest.find('"');
                if (open == std::string_view::npos) {
                    break;
                }
                const auto close = rest.find('"', open + 1);
                if (close == std::string_view::npos) {
                    break;
                }
                examples.push_back(rest.substr(open + 1, close - open - 1));
                rest = rest.substr(close + 1);
            }
        }
        sink(lemma, definition, examples);
    }
}

} // namespace

TextCorpus TextCorpus::load(const CorpusPaths& paths)
{
    TextCorpus corpus;
    for (const char* name : kFortuneFiles) {
        const std::string text = readFile(paths.fortuneDir / name, "fortunes");
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t end = text.find("\n%\n", pos);
            if (end == std::string::npos) {
                end = text.size();
            }
            std::string entry = collapseWhitespace(std::string_view(text).substr(pos, end - pos));
            pos = end + 3;
            if (entry.size() >= 20 && entry.size() <= 300 && entry.find("No such file") == std::string::npos) {
                corpus.m_fortunes.push_back(std::move(entry));
            }
        }
    }
    const auto wordnet = [&](const char* file, auto&& sink) {
        parseWordnet(readFile(paths.wordnetDir / file, "wordnet-base"), sink);
    };
    wordnet("data.noun", [&](std::string_view lemma, std::string_view definition, const auto& examples) {
        corpus.m_nouns.push_back(lemmaText(lemma));
        corpus.m_nounGlosses.emplace_back(definition);
        for (auto e : examples) {
            if (e.size() >= 15) {
                corpus.m_examples.emplace_back(e);
            }
        }
    });
    wordnet("data.verb", [&](std::string_view lemma, std::string_view, const auto& examples) {
        corpus.m_verbs.push_back(lemmaText(lemma));
        for (auto e : examples) {
            if (e.size() >= 15) {
                corpus.m_examples.emplace_back(e);
            }
        }
    });
    wordnet("data.adj", [&](std::string_view lemma, std::string_view, const auto& examples) {
        corpus.m_adjectives.push_back(lemmaText(lemma));
        for (auto e : examples) {
            if (e.size() >= 15) {
                corpus.m_examples.emplace_back(e);
            }
        }
    });
    if (corpus.m_fortunes.size() < 100 || corpus.m_nouns.size() < 1000 || corpus.m_verbs.empty()
        || corpus.m_adjectives.empty() || corpus.m_examples.size() < 100) {
        throw std::runtime_error("traffic simulation corpus: the fortunes/wordnet-base data files look truncated");
    }
    corpus.preparePieces();
    return corpus;
}

TextCorpus::Topic TextCorpus::topic(SimRandom& rng) const
{
    const std::size_t i = rng.index(m_nouns.size());
    return {&m_nouns[i], &m_nounGlosses[i]};
}

const std::string& TextCorpus::sentence(SimRandom& rng) const
{
    return rng.chance(0.6) ? rng.pick(m_examples) : rng.pick(m_fortunes);
}

void TextCorpus::preparePieces()
{
    const auto piece = [](std::string text) {
        const auto words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
        return Piece {std::move(text), words};
    };
    const auto sentenceCase = [](std::string text) {
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        return text;
    };
    for (std::size_t i = 0; i < m_nouns.size(); ++i) {
        m_definitionPieces.push_back(piece(sentenceCase(m_nouns[i] + " is " + m_nounGlosses[i] + ".")));
    }
    for (const auto& e : m_examples) {
        m_examplePieces.push_back(piece(sentenceCase(e + ".")));
    }
    for (const auto& f : m_fortunes) {
        m_fortunePieces.push_back(piece(f));
    }
}

std::string TextCorpus::passage(SimRandom& rng, std::size_t words) const
{
    std::string out;
    out.reserve(words * 7);
    std::size_t count = 0;
    while (count < words) {
        const double r = rng.uniform();
        const Piece& p = r < 0.4    ? rng.pick(m_definitionPieces)
                         : r < 0.75 ? rng.pick(m_examplePieces)
                                    : rng.pick(m_fortunePieces);
        if (!out.empty()) {
            out += ' ';
        }
        out += p.text;
        count += p.words;
    }
    return out;
}

} // namespace modelguard::sim
