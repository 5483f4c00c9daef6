#pragma once
// The admin API's JSON shapes of the gateway policies (docs/api): Limits, OutputPolicy, WatermarkPolicy and
// RiskPolicy, with validation. Parsing starts from the defaults (or from `out` for the policyFromJson overloads):
// absent fields keep their value; unknown fields, wrong types and out-of-range values are refused with a message
// fit for the admin, and then nothing is changed.
//
//   Limits       {"requests_per_second":0,"requests_per_minute":0,"tokens_per_minute":0,"tokens_per_day":0,
//                 "tokens_per_month":0,"requests_per_day":0,"default_max_tokens":1024,"max_tokens_cap":0}
//   OutputPolicy {"logprobs":"allow|cap|round|noise|strip|deny","top_logprobs_cap":5,"round_decimals":1,
//                 "noise_stddev":0.5,"logit_bias":"allow|cap|strip|deny|deny_with_logprobs",
//                 "logit_bias_max_count":10,"logit_bias_max_magnitude":5,"max_n":0,"min_temperature":0}
//   Watermark    {"schemes":"payload|lexical|both|none","strength":1.0}
//   RiskPolicy   {"strip_score":40,"throttle_score":60,"block_score":80,"automatic":true,
//                 "throttle_requests_per_second":0.5}

#include "core/policy/Policy.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace modelguard::gateway::inspect {

boost::json::object policyToJson(const policy::LimitPolicy& policy);
boost::json::object policyToJson(const policy::OutputPolicy& policy);
boost::json::object policyToJson(const policy::WatermarkPolicy& policy);
boost::json::object policyToJson(const policy::RiskPolicy& policy);

/// Reads `json` over `out`: returns the error message, or nullopt on success. `out` changes only on success.
std::optional<std::string> policyFromJson(const boost::json::value& json, policy::LimitPolicy& out);
std::optional<std::string> policyFromJson(const boost::json::value& json, policy::OutputPolicy& out);
std::optional<std::string> policyFromJson(const boost::json::value& json, policy::WatermarkPolicy& out);
std::optional<std::string> policyFromJson(const boost::json::value& json, policy::RiskPolicy& out);

/// Text forms: serialized JSON of the shapes above.
std::string toJson(const policy::LimitPolicy& policy);
std::string toJson(const policy::OutputPolicy& policy);
std::string toJson(const policy::WatermarkPolicy& policy);
std::string toJson(const policy::RiskPolicy& policy);

/// Parse JSON text starting from the defaults. On failure: nullopt, and *error (when given) says why; on success
/// *error is cleared.
std::optional<policy::LimitPolicy> limitsFromJson(std::string_view text, std::string* error = nullptr);
std::optional<policy::OutputPolicy> outputPolicyFromJson(std::string_view text, std::string* error = nullptr);
std::optional<policy::WatermarkPolicy> watermarkPolicyFromJson(std::string_view text, std::string* error = nullptr);
std::optional<policy::RiskPolicy> riskPolicyFromJson(std::string_view text, std::string* error = nullptr);

} // namespace modelguard::gateway::inspect
