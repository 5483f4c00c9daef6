#include "services/sim/upstream/SimTokenizer.h"

namespace modelguard::sim::upstream {

namespace {

bool isWordByte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
}

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

template <typename Emit>
void scan(std::string_view text, Emit&& emit)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (isSpace(c)) {
            ++i;
        } else if (isWordByte(c)) {
            const std::size_t start = i;
            while (i < text.size() && isWordByte(static_cast<unsigned char>(text[i]))) {
                ++i;
            }
            emit(text.substr(start, i - start));
        } else {
            emit(text.substr(i, 1));
            ++i;
        }
    }
}

} // namespace

std::vector<std::string_view> SimTokenizer::split(std::string_view text)
{
    std::vector<std::string_view> tokens;
    scan(text, [&](std::string_view token) { tokens.push_back(token); });
    return tokens;
}

std::size_t SimTokenizer::count(std::string_view text)
{
    std::size_t n = 0;
    scan(text, [&](std::string_view) { ++n; });
    return n;
}

bool SimTokenizer::isSentenceEnd(std::string_view token)
{
    return token == "." || token == "!" || token == "?";
}

bool SimTokenizer::isClosingPunctuation(std::string_view token)
{
    return token == "." || token == "!" || token == "?" || token == "," || token == ";" || token == ":";
}

} // namespace modelguard::sim::upstream
