#include "core/watermark/Lexicon.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace modelguard::watermark {

// The bytes of resources/watermark/lexicon.tsv, generated at build time by EmbedResource.cmake.
extern const char kLexiconTsvData[];
extern const std::size_t kLexiconTsvSize;

std::uint64_t fnv1a64(std::string_view s) noexcept
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

namespace {

std::size_t slotCount(char pos) noexcept
{
    switch (pos) {
    case 'n':
        return 2;
    case 'v':
        return 5;
    case 'a':
        return 3;
    case 'r':
        return 1;
    default:
        return 0;
    }
}

bool isLowerWord(std::string_view s) noexcept
{
    if (s.empty() || s.size() > Lexicon::kMaxFormLength) {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

// The pattern of empty and equal slots that all members of a class must share.
std::vector<int> slotPattern(const std::vector<std::string>& forms)
{
    std::vector<int> pattern;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        pattern.push_back(forms[i].empty() ? 1 : 0);
        for (std::size_t j = i + 1; j < forms.size(); ++j) {
            pattern.push_back(!forms[i].empty() && forms[i] == forms[j] ? 1 : 0);
        }
    }
    return pattern;
}

} // namespace

Lexicon Lexicon::parse(std::string_view tsv)
{
    Lexicon lex;
    std::unordered_map<std::string, std::size_t> classByName;
    std::unordered_map<std::string, std::size_t> ownerOfForm; // form → class index
    std::vector<WordClass> classes;
    std::vector<std::vector<int>> patterns;

    for (std::string_view line : split(tsv, '\n')) {
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto fields = split(line, '\t');
        if (fields.size() != 5 || fields[1].size() != 1 || fields[0].empty()) {
            ++lex.m_skipped;
            continue;
        }
        const char pos = fields[1][0];
        const std::size_t slots = slotCount(pos);
        double frequency = 0.0;
        const auto [ptr, ec] = std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), frequency);
        const auto rawForms = split(fields[4], ',');
        if (slots == 0 || ec != std::errc() || ptr != fields[3].data() + fields[3].size() || rawForms.size() != slots
            || !(frequency >= 0.0) || !(frequency < 1e300)) {
            ++lex.m_skipped;
            continue;
        }
        Member member;
        member.lemma = std::string(fields[2]);
        member.frequency = frequency;
        bool ok = true;
        bool any = false;
        for (std::string_view f : rawForms) {
            if (f == "-") {
                member.forms.emplace_back();
                continue;
            }
            if (!isLowerWord(f)) {
                ok = false;
                break;
            }
            any = true;
            member.forms.emplace_back(f);
        }
        if (!ok || !any) {
            ++lex.m_skipped;
            continue;
        }
        const std::string name(fields[0]);
        auto [it, inserted] = classByName.try_emplace(name, classes.size());
        if (inserted) {
            classes.push_back(WordClass {name, pos, {}});
            patterns.push_back(slotPattern(member.forms));
        }
        const std::size_t cls = it->second;
        if (classes[cls].pos != pos || patterns[cls] != slotPattern(member.forms)
            || classes[cls].members.size() >= kMaxMembers) {
            ++lex.m_skipped;
            continue;
        }
        // Every surface form must belong to one member of one class.
        bool clash = false;
        for (const std::string& f : member.forms) {
            if (!f.empty() && ownerOfForm.contains(f)) {
                clash = true;
            }
        }
        if (clash) {
            ++lex.m_skipped;
            continue;
        }
        for (const std::string& f : member.forms) {
            if (!f.empty()) {
                ownerOfForm.emplace(f, cls);
            }
        }
        classes[cls].members.push_back(std::move(member));
    }

    for (WordClass& c : classes) {
        if (c.members.size() < 2) {
            continue;
        }
        double sum = 0.0;
        for (const Member& m : c.members) {
            sum += m.frequency;
        }
        for (Member& m : c.members) {
            m.frequency = sum > 0.0 ? m.frequency / sum : 1.0 / static_cast<double>(c.members.size());
        }
        // A member never seen in the estimate still gets a sliver of the interval, so it can be chosen.
        double floored = 0.0;
        for (Member& m : c.members) {
            m.frequency = std::max(m.frequency, 1e-4);
            floored += m.frequency;
        }
        for (Member& m : c.members) {
            m.frequency /= floored;
        }
        lex.m_classes.push_back(std::move(c));
    }
    lex.buildIndex();
    return lex;
}

void Lexicon::buildIndex()
{
    std::size_t forms = 0;
    for (const WordClass& c : m_classes) {
        for (const Member& m : c.members) {
            forms += m.forms.size();
        }
    }
    std::size_t size = 16;
    while (size < forms * 2) {
        size *= 2;
    }
    m_table.assign(size, Slot {});
    m_filter.assign(kFilterBits / 64, 0);
    m_formCount = 0;
    for (std::uint32_t ci = 0; ci < m_classes.size(); ++ci) {
        const WordClass& c = m_classes[ci];
        for (std::size_t mi = 0; mi < c.members.size(); ++mi) {
            const Member& m = c.members[mi];
            for (std::size_t si = 0; si < m.forms.size(); ++si) {
                const std::string& f = m.forms[si];
                if (f.empty()) {
                    continue;
                }
                const std::uint64_t h = fnv1a64(f);
                if (probe(f, h) != nullptr) {
                    continue; // same form in an earlier slot of the same member: keep the first slot
                }
                std::size_t i = bucketOf(h);
                while (m_table[i].formLength != 0) {
                    i = (i + 1) & (m_table.size() - 1);
                }
                Slot& s = m_table[i];
                m_filter[filterBit(h) / 64] |= std::uint64_t {1} << (filterBit(h) % 64);
                s.hash = h;
                s.formOffset = static_cast<std::uint32_t>(m_pool.size());
                s.formLength = static_cast<std::uint16_t>(f.size());
                s.entry = LexiconEntry {ci, static_cast<std::uint8_t>(mi), static_cast<std::uint8_t>(si)};
                m_pool += f;
                ++m_formCount;
            }
        }
    }
}

const Lexicon::Slot* Lexicon::probe(std::string_view form, std::uint64_t hash) const noexcept
{
    if (m_table.empty()) {
        return nullptr;
    }
    // Most words of a text are not in the lexicon: an 8 KiB bit filter (in L1) rejects them before the table.
    const std::size_t bit = filterBit(hash);
    if (((m_filter[bit / 64] >> (bit % 64)) & 1U) == 0) {
        return nullptr;
    }
    std::size_t i = bucketOf(hash);
    while (m_table[i].formLength != 0) {
        const Slot& s = m_table[i];
        if (s.hash == hash && std::string_view(m_pool).substr(s.formOffset, s.formLength) == form) {
            return &s;
        }
        i = (i + 1) & (m_table.size() - 1);
    }
    return nullptr;
}

std::optional<LexiconEntry> Lexicon::find(std::string_view lowerForm) const noexcept
{
    return find(lowerForm, fnv1a64(lowerForm));
}

std::optional<LexiconEntry> Lexicon::find(std::string_view lowerForm, std::uint64_t hash) const noexcept
{
    if (lowerForm.empty() || lowerForm.size() > kMaxFormLength) {
        return std::nullopt;
    }
    const Slot* s = probe(lowerForm, hash);
    if (s == nullptr) {
        return std::nullopt;
    }
    return s->entry;
}

std::string_view Lexicon::form(std::uint32_t classId, std::size_t member, std::size_t slot) const noexcept
{
    if (classId >= m_classes.size() || member >= m_classes[classId].members.size()
        || slot >= m_classes[classId].members[member].forms.size()) {
        return {};
    }
    return m_classes[classId].members[member].forms[slot];
}

const Lexicon& Lexicon::builtin()
{
    static const Lexicon lexicon = parse(std::string_view(kLexiconTsvData, kLexiconTsvSize));
    return lexicon;
}

} // namespace modelguard::watermark
