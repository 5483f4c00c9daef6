#include "LexicalTestCorpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace modelguard::watermark::lextest {

namespace {

std::string readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// "c\bc" overstrike (bold) and "_\bc" (underline) → "c".
std::string removeOverstrike(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\b') {
            if (!out.empty()) {
                out.pop_back();
            }
        } else {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace

const std::vector<std::string>& fortuneEntries()
{
    static const std::vector<std::string> entries = [] {
        std::vector<std::string> out;
        std::set<std::filesystem::path> files;
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(kFortunesDir, ec)) {
            const auto name = e.path().filename().string();
            if (!e.is_regular_file() || e.path().has_extension() || name == "art" || name == "ascii-art") {
                continue;
            }
            files.insert(e.path());
        }
        for (const auto& f : files) {
            const std::string text = removeOverstrike(readFile(f));
            std::istringstream lines(text);
            std::string line;
            std::string entry;
            while (std::getline(lines, line)) {
                if (line == "%") {
                    if (!entry.empty()) {
                        out.push_back(entry);
                    }
                    entry.clear();
                } else {
                    entry += line;
                    entry += '\n';
                }
            }
            if (!entry.empty()) {
                out.push_back(entry);
            }
        }
        return out;
    }();
    return entries;
}

std::vector<std::string> splitWords(std::string_view text)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) {
            ++i;
        }
        std::size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) {
            ++j;
        }
        if (j > i) {
            out.emplace_back(text.substr(i, j - i));
        }
        i = j;
    }
    return out;
}

std::string joinWords(const std::vector<std::string>& words)
{
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) {
            out += ' ';
        }
        out += w;
    }
    return out;
}

const std::vector<std::string>& fortuneWords()
{
    static const std::vector<std::string> words = [] {
        std::vector<std::string> out;
        for (const auto& e : fortuneEntries()) {
            auto w = splitWords(e);
            out.insert(out.end(), w.begin(), w.end());
        }
        return out;
    }();
    return words;
}

std::vector<std::string> wordSamples(std::size_t wordsPerSample, std::size_t firstWord, std::size_t maxSamples)
{
    const auto& words = fortuneWords();
    std::vector<std::string> out;
    for (std::size_t i = firstWord; i + wordsPerSample <= words.size() && out.size() < maxSamples;
         i += wordsPerSample) {
        out.push_back(
            joinWords(std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(i),
                                               words.begin() + static_cast<std::ptrdiff_t>(i + wordsPerSample))));
    }
    return out;
}

GatewayKey testGatewayKey(std::uint32_t seed, std::string gatewayId)
{
    GatewayKey k;
    k.gatewayId = std::move(gatewayId);
    const auto digest = crypto::sha256("modelguard lexical test key " + std::to_string(seed));
    k.secret.assign(digest.begin(), digest.end());
    return k;
}

std::string editWords(std::string_view text, double rate, std::mt19937_64& rng)
{
    const auto& pool = fortuneWords();
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
    std::vector<std::string> out;
    for (auto& w : splitWords(text)) {
        if (u(rng) < rate) {
            if (u(rng) < 0.5) {
                continue; // deleted
            }
            out.push_back(pool[pick(rng)]);
        } else {
            out.push_back(std::move(w));
        }
    }
    return joinWords(out);
}

std::string rewrap(std::string_view text, std::size_t width)
{
    std::string out;
    std::size_t col = 0;
    for (const auto& w : splitWords(text)) {
        if (col > 0 && col + 1 + w.size() > width) {
            out += '\n';
            col = 0;
        } else if (col > 0) {
            out += ' ';
            ++col;
        }
        out += w;
        col += w.size();
    }
    return out;
}

std::string toUpperAscii(std::string_view text)
{
    std::string s(text);
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return s;
}

std::string toLowerAscii(std::string_view text)
{
    std::string s(text);
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return s;
}

} // namespace modelguard::watermark::lextest
