#pragma once
// Error responses in OpenAI's JSON shape, which every ModelGuard data-plane endpoint uses:
//   {"error":{"message":"...","type":"invalid_request_error","param":null,"code":null}}

#include "services/common/HttpMessage.h"

#include <optional>
#include <string>
#include <string_view>

namespace modelguard::http {

/// OpenAI's error "type" for a status: 400/404/405/413/431 -> invalid_request_error, 401 -> authentication_error,
/// 403 -> permission_error, 408/504 -> timeout_error, 429 -> rate_limit_error (OpenAI also uses
/// insufficient_quota), other 5xx -> server_error.
std::string_view errorTypeForStatus(int status);

/// The JSON text of an error object. `param` and `code` are JSON null when absent. `message` may hold any bytes:
/// invalid UTF-8 is replaced so that the output is always valid JSON.
std::string openAiErrorJson(std::string_view message, std::string_view type, std::optional<std::string_view> param,
                            std::optional<std::string_view> code);

/// A complete error response: status, JSON body, type from errorTypeForStatus unless given.
HttpResponse openAiError(int status, std::string_view message, std::optional<std::string_view> code = std::nullopt,
                         std::optional<std::string_view> param = std::nullopt,
                         std::optional<std::string_view> type = std::nullopt);

} // namespace modelguard::http
