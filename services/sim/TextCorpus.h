#pragma once
// The text the simulated clients write their prompts from, loaded at run time from Debian data packages:
// `fortunes` (/usr/share/games/fortunes: short human-written texts) and `wordnet-base` (/usr/share/wordnet: lemmas,
// glosses and example sentences). Nothing is downloaded; a missing file is a clear error naming the package.
// Immutable after loading; shared read-only by every persona.

#include "services/sim/SimRandom.h"

#include <filesystem>
#include <string>
#include <vector>

namespace modelguard::sim {

struct CorpusPaths
{
    std::filesystem::path fortuneDir = "/usr/share/games/fortunes";
    std::filesystem::path wordnetDir = "/usr/share/wordnet";
};

class TextCorpus
{
public:
    /// Loads the corpus; throws std::runtime_error naming the missing file and the Debian package that provides it.
    static TextCorpus load(const CorpusPaths& paths = {});

    /// A topic: a WordNet noun lemma ("suspension bridge") with its gloss, index-aligned.
    struct Topic
    {
        const std::string* noun;
        const std::string* gloss;
    };

    Topic topic(SimRandom& rng) const;
    const std::string& noun(SimRandom& rng) const { return rng.pick(m_nouns); }
    const std::string& verb(SimRandom& rng) const { return rng.pick(m_verbs); }
    const std::string& adjective(SimRandom& rng) const { return rng.pick(m_adjectives); }
    /// A short human-written text (a fortune of at most ~300 characters, whitespace collapsed).
    const std::string& fortune(SimRandom& rng) const { return rng.pick(m_fortunes); }
    /// A natural example sentence (WordNet usage example) or a short fortune.
    const std::string& sentence(SimRandom& rng) const;
    /// Prose of about `words` words built from glosses, examples and fortunes.
    std::string passage(SimRandom& rng, std::size_t words) const;

    std::size_t nounCount() const noexcept { return m_nouns.size(); }
    std::size_t fortuneCount() const noexcept { return m_fortunes.size(); }
    std::size_t exampleCount() const noexcept { return m_examples.size(); }

private:
    std::vector<std::string> m_nouns;
    std::vector<std::string> m_nounGlosses; ///< aligned with m_nouns
    std::vector<std::string> m_verbs;
    std::vector<std::string> m_adjectives;
    std::vector<std::string> m_examples;
    std::vector<std::string> m_fortunes;
    // Prose pieces for passage(), prepared once: "Noun is gloss." sentences, capitalised examples, fortunes, each
    // with its word count.
    struct Piece
    {
        std::string text;
        std::size_t words = 0;
    };
    std::vector<Piece> m_definitionPieces;
    std::vector<Piece> m_examplePieces;
    std::vector<Piece> m_fortunePieces;
    void preparePieces();
};

} // namespace modelguard::sim
