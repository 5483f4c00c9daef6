#pragma once
// The lexicon of the lexical watermark: classes of interchangeable English words with their inflected forms.
//
// Source format (resources/watermark/lexicon.tsv, compiled into the library): '#' comment lines, then one member
// per line: class_id <TAB> pos <TAB> lemma <TAB> frequency <TAB> forms. pos is n/v/a/r; forms are comma-separated
// in slot order (n: singular,plural; v: base,3sg,past,past_participle,present_participle; a: base,comparative,
// superlative; r: base), '-' = no such form. Every surface form belongs to one class only, and members of a class
// share the pattern of equal and '-' slots, so replacing a form by another member's form of the same slot keeps
// the sentence grammatical. frequency estimates how common the lemma is in human text; the green selection uses
// it so that human text stays calibrated (see LexicalKey.h).
//
// Thread safety: immutable after construction; builtin() is initialised once, thread-safely.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace modelguard::watermark {

/// Where a surface form sits in the lexicon.
struct LexiconEntry
{
    std::uint32_t classId = 0; ///< dense index into Lexicon::classes()
    std::uint8_t member = 0;   ///< index of the member inside its class
    std::uint8_t slot = 0;     ///< inflection slot (first slot that has this form)
};

class Lexicon
{
public:
    /// Members per class are capped at this (green sets are 64-bit masks); further members are ignored.
    static constexpr std::size_t kMaxMembers = 64;
    static constexpr std::size_t kMaxSlots = 5;
    /// Longest surface form, in letters. Longer words are never scorable.
    static constexpr std::size_t kMaxFormLength = 48;

    struct Member
    {
        std::string lemma;
        double frequency = 0.0;         ///< share of the class in human text, normalised so a class sums to 1
        std::vector<std::string> forms; ///< per slot; empty string = no such form
    };
    struct WordClass
    {
        std::string name; ///< the class_id column
        char pos = 'n';
        std::vector<Member> members;
    };

    /// Parses the TSV text. Malformed lines (wrong field count, forms that are not lower-case ASCII words, a form
    /// already owned by another class) are skipped and counted in skippedLines(); classes left with fewer than two
    /// members are dropped (they carry no choice).
    static Lexicon parse(std::string_view tsv);
    /// The lexicon compiled into the library (empty if the build had no resource file).
    static const Lexicon& builtin();

    /// Lookup of a lower-case ASCII surface form.
    std::optional<LexiconEntry> find(std::string_view lowerForm) const noexcept;
    /// Same, with hash == fnv1a64(lowerForm) already computed.
    std::optional<LexiconEntry> find(std::string_view lowerForm, std::uint64_t hash) const noexcept;

    const std::vector<WordClass>& classes() const noexcept { return m_classes; }
    std::size_t formCount() const noexcept { return m_formCount; }
    std::size_t skippedLines() const noexcept { return m_skipped; }

    /// The form of member `member` of class `classId` in `slot` (empty if none).
    std::string_view form(std::uint32_t classId, std::size_t member, std::size_t slot) const noexcept;

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        std::uint32_t formOffset = 0; // into m_pool
        std::uint16_t formLength = 0; // 0 = empty slot
        LexiconEntry entry;
    };
    void buildIndex();
    static constexpr std::size_t kFilterBits = std::size_t {1} << 16;
    static std::size_t filterBit(std::uint64_t hash) noexcept { return static_cast<std::size_t>(hash >> 48); }
    std::size_t bucketOf(std::uint64_t hash) const noexcept
    {
        return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ULL) >> 32) & (m_table.size() - 1);
    }
    const Slot* probe(std::string_view form, std::uint64_t hash) const noexcept;

    std::vector<WordClass> m_classes;
    std::vector<Slot> m_table;           // open addressing, linear probing, power-of-two size
    std::vector<std::uint64_t> m_filter; // one bit per 16-bit hash prefix of the forms
    std::string m_pool;
    std::size_t m_formCount = 0;
    std::size_t m_skipped = 0;
};

/// 64-bit FNV-1a of a byte string, as used by the lexicon index (not a security primitive).
std::uint64_t fnv1a64(std::string_view s) noexcept;

} // namespace modelguard::watermark
