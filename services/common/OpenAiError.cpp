#include "services/common/OpenAiError.h"

#include <boost/json.hpp>

namespace modelguard::http {

namespace {

/// Replaces invalid UTF-8 sequences by U+FFFD so that the error text is valid JSON whatever the client sent.
std::string sanitizeUtf8(std::string_view in)
{
    std::string out;
    out.reserve(in.size());
    std::size_t i = 0;
    while (i < in.size()) {
        const auto c = static_cast<unsigned char>(in[i]);
        std::size_t len = 0;
        std::uint32_t min = 0;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            min = 0x10000;
        }
        bool valid = len != 0 && i + len <= in.size();
        std::uint32_t cp = valid ? (c & (0x7Fu >> len)) : 0;
        for (std::size_t k = 1; valid && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(in[i + k]);
            valid = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        valid = valid && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (valid) {
            out.append(in.substr(i, len));
            i += len;
        } else {
            out.append("\xEF\xBF\xBD");
            ++i;
        }
    }
    return out;
}

} // namespace

std::string_view errorTypeForStatus(int status)
{
    switch (status) {
    case 401:
        return "authentication_error";
    case 403:
        return "permission_error";
    case 408:
    case 504:
        return "timeout_error";
    case 429:
        return "rate_limit_error";
    default:
        return status >= 500 ? "server_error" : "invalid_request_error";
    }
}

std::string openAiErrorJson(std::string_view message, std::string_view type, std::optional<std::string_view> param,
                            std::optional<std::string_view> code)
{
    boost::json::object error;
    error["message"] = sanitizeUtf8(message);
    error["type"] = sanitizeUtf8(type);
    error["param"] = param ? boost::json::value(sanitizeUtf8(*param)) : boost::json::value(nullptr);
    error["code"] = code ? boost::json::value(sanitizeUtf8(*code)) : boost::json::value(nullptr);
    boost::json::object root;
    root["error"] = std::move(error);
    return boost::json::serialize(root);
}

HttpResponse openAiError(int status, std::string_view message, std::optional<std::string_view> code,
                         std::optional<std::string_view> param, std::optional<std::string_view> type)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "application/json";
    response.body = openAiErrorJson(message, type ? *type : errorTypeForStatus(status), param, code);
    return response;
}

} // namespace modelguard::http
