// Names of the public enums of Watermark.h, as used in JSON, the CLI and the console.
#include "core/watermark/Watermark.h"

namespace modelguard::watermark {

std::string_view schemeName(Scheme s) noexcept
{
    switch (s) {
    case Scheme::None:
        return "none";
    case Scheme::Payload:
        return "payload";
    case Scheme::Lexical:
        return "lexical";
    case Scheme::Both:
        return "both";
    }
    return "none";
}

std::optional<Scheme> parseScheme(std::string_view name) noexcept
{
    for (Scheme s : {Scheme::None, Scheme::Payload, Scheme::Lexical, Scheme::Both}) {
        if (name == schemeName(s)) {
            return s;
        }
    }
    return std::nullopt;
}

std::string_view verdictName(Verdict v) noexcept
{
    switch (v) {
    case Verdict::Watermarked:
        return "watermarked";
    case Verdict::NotWatermarked:
        return "not_watermarked";
    case Verdict::TooShort:
        return "too_short";
    }
    return "too_short";
}

} // namespace modelguard::watermark
