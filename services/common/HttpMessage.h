#pragma once
// Transport-free HTTP messages exchanged between the server plumbing (HttpServer) and route handlers. No Beast here,
// so that handler code compiles without the heavy headers.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelguard::http {

/// A header field as received or to be sent. Names compare case-insensitively (findHeader).
using HeaderField = std::pair<std::string, std::string>;

/// Case-insensitive ASCII comparison of header names.
bool headerNameEquals(std::string_view a, std::string_view b);

/// A complete request, body included (the server has already enforced the header and body size limits).
struct HttpRequest
{
    std::string method; ///< upper case as sent, e.g. "POST"
    std::string target; ///< request-target as sent, e.g. "/v1/models?x=1"
    std::string path;   ///< target without the query string
    std::string query;  ///< after '?', without it; empty if none
    std::vector<HeaderField> headers;
    std::string body;
    std::string remoteAddress; ///< peer IP address, for logs and per-client policies
    /// Values of the route's "{name}" segments (percent-decoded), in path order; empty for exact routes.
    std::vector<std::pair<std::string, std::string>> pathParams;
    /// mTLS: subject of the verified client certificate (RFC 2253, e.g. "CN=console,O=Acme"); else empty.
    std::string clientCertSubject;

    /// First header with this name (case-insensitive), or nullopt.
    std::optional<std::string_view> header(std::string_view name) const;
    /// Value of the path parameter "{name}" of the matched route, or nullopt.
    std::optional<std::string_view> pathParam(std::string_view name) const;
};

/// A complete (non-streamed) response. Content-Length, Date-less Server and Connection headers are added by the
/// server; `headers` carries anything else (e.g. Retry-After).
struct HttpResponse
{
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<HeaderField> headers;
};

/// Standard reason phrase for a status code ("Unknown" for codes the table lacks).
std::string_view reasonPhrase(int status);

} // namespace modelguard::http
