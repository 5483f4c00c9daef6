#pragma once
// Shared fixture of the gateway end-to-end tests: a GatewayStack per test suite and small admin-API helpers.

#include "tests/services/TestHttpClient.h"
#include "tests/support/Processes.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace modelguard::test {

inline GatewayStack::Options stackOptions()
{
    GatewayStack::Options o;
    o.cliPath = MG_CLI_PATH;
    // scripts/asan-suite.sh runs these tests against a gateway built with the sanitizers.
    const char* other = std::getenv("MG_TEST_GATEWAY_BINARY");
    o.gatewayPath = other && *other ? other : MG_GATEWAY_PATH;
    return o;
}

/// Admin call with the stack's admin token (or `token`), JSON in and out.
inline TestResponse admin(const GatewayStack& stack, const std::string& method, const std::string& target,
                          const std::string& body = {}, const std::string& token = {})
{
    return httpRequest(stack.adminPort(), method, target, body,
                       {{"Authorization", "Bearer " + (token.empty() ? stack.adminToken() : token)},
                        {"Content-Type", "application/json"}});
}

inline boost::json::value parseJson(const std::string& text)
{
    std::error_code ec;
    auto v = boost::json::parse(text, ec);
    return ec ? boost::json::value(nullptr) : v;
}

/// Creates a key for a client; returns {id, secret}.
inline std::pair<std::string, std::string> createKey(const GatewayStack& stack, const std::string& client,
                                                     const std::string& extra = {})
{
    auto r = admin(stack, "POST", "/admin/v1/keys",
                   "{\"client\":\"" + client + "\",\"name\":\"test\"" + (extra.empty() ? "" : "," + extra) + "}");
    EXPECT_EQ(r.status, 201) << r.body;
    auto v = parseJson(r.body);
    if (!v.is_object()) {
        return {};
    }
    return {std::string(v.at("key").at("id").as_string()), std::string(v.at("secret").as_string())};
}

inline std::string chatBody(const std::string& prompt, int maxTokens = 64, bool stream = false,
                            const std::string& extra = {})
{
    boost::json::object o;
    o["model"] = "sim-gpt-1";
    o["max_tokens"] = maxTokens;
    o["stream"] = stream;
    boost::json::array messages;
    messages.push_back(boost::json::object {{"role", "user"}, {"content", prompt}});
    o["messages"] = std::move(messages);
    auto text = boost::json::serialize(o);
    if (!extra.empty()) {
        text.pop_back();
        text += "," + extra + "}";
    }
    return text;
}

inline TestResponse chat(const GatewayStack& stack, const std::string& secret, const std::string& body)
{
    return httpRequest(stack.dataPort(), "POST", "/v1/chat/completions", body,
                       {{"Authorization", "Bearer " + secret}, {"Content-Type", "application/json"}});
}

} // namespace modelguard::test
