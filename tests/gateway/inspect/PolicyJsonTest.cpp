#include "services/gateway/inspect/PolicyJson.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

using namespace modelguard;
using namespace modelguard::gateway::inspect;
namespace json = boost::json;

TEST(PolicyJson, DefaultsHaveTheAdminApiShape)
{
    const json::object limits = policyToJson(policy::LimitPolicy {});
    for (const char* name : {"requests_per_second", "requests_per_minute", "tokens_per_minute", "tokens_per_day",
                             "tokens_per_month", "requests_per_day", "default_max_tokens"}) {
        EXPECT_TRUE(limits.contains(name)) << name;
    }
    EXPECT_EQ(limits.at("default_max_tokens").as_int64(), 1024);
    const json::object output = policyToJson(policy::OutputPolicy {});
    EXPECT_EQ(output.at("logprobs").as_string(), "allow");
    EXPECT_EQ(output.at("logit_bias").as_string(), "allow");
    EXPECT_EQ(output.at("top_logprobs_cap").as_int64(), 5);
    EXPECT_EQ(output.size(), 9u);
    const json::object watermark = policyToJson(policy::WatermarkPolicy {});
    EXPECT_EQ(watermark.at("schemes").as_string(), "both");
    EXPECT_DOUBLE_EQ(watermark.at("strength").as_double(), 1.0);
    const json::object risk = policyToJson(policy::RiskPolicy {});
    EXPECT_DOUBLE_EQ(risk.at("block_score").to_number<double>(), 80);
    EXPECT_TRUE(risk.at("automatic").as_bool());
}

TEST(PolicyJson, RoundTrips)
{
    policy::LimitPolicy limits;
    limits.rate = {2.5, 100, 40000};
    limits.quota = {1'000'000, 20'000'000, 5000};
    limits.defaultMaxTokens = 256;
    limits.maxTokensCap = 2048;
    EXPECT_EQ(limitsFromJson(toJson(limits)), limits);

    policy::OutputPolicy output;
    output.logprobs = policy::LogprobsMode::Noise;
    output.noiseStddev = 0.25;
    output.logitBias = policy::LogitBiasMode::DenyWithLogprobs;
    output.maxN = 2;
    output.minTemperature = 0.3;
    EXPECT_EQ(outputPolicyFromJson(toJson(output)), output);

    policy::WatermarkPolicy watermark {watermark::Scheme::Lexical, 0.6};
    EXPECT_EQ(watermarkPolicyFromJson(toJson(watermark)), watermark);

    policy::RiskPolicy risk;
    risk.stripScore = 30;
    risk.automatic = false;
    EXPECT_EQ(riskPolicyFromJson(toJson(risk)), risk);
}

TEST(PolicyJson, PartialObjectsKeepTheOtherFields)
{
    std::string error = "stale";
    const auto limits = limitsFromJson(R"({"tokens_per_day":5000,"requests_per_second":1.0})", &error);
    ASSERT_TRUE(limits);
    EXPECT_TRUE(error.empty());
    EXPECT_EQ(limits->quota.tokensPerDay, 5000);
    EXPECT_EQ(limits->rate.requestsPerSecond, 1.0);
    EXPECT_EQ(limits->defaultMaxTokens, 1024);
    // Integral doubles are accepted for integer fields (JSON writers that only know doubles).
    EXPECT_EQ(limitsFromJson(R"({"default_max_tokens":512.0})")->defaultMaxTokens, 512);

    policy::OutputPolicy output;
    output.maxN = 3;
    EXPECT_EQ(policyFromJson(json::parse(R"({"logprobs":"round"})"), output), std::nullopt);
    EXPECT_EQ(output.logprobs, policy::LogprobsMode::Round);
    EXPECT_EQ(output.maxN, 3);
}

TEST(PolicyJson, BadInputIsRefusedWithAClearMessageAndChangesNothing)
{
    struct Case
    {
        const char* json;
        const char* expected;
    };
    for (const Case& c :
         {Case {R"({"tokens_per_day":-1})", "'tokens_per_day' must be between 0"},
          Case {R"({"tokens_per_day":"100"})", "'tokens_per_day' must be an integer."},
          Case {R"({"tokens_per_day":1.5})", "'tokens_per_day' must be an integer."},
          Case {R"({"requests_per_second":"x"})", "'requests_per_second' must be a number."},
          Case {R"({"default_max_tokens":0})", "'default_max_tokens' must be between 1"},
          Case {R"({"burst":3})", "Unknown field 'burst' in limits."}, Case {R"([1])", "limits must be a JSON object."},
          Case {R"({"tokens_per_day":)", "The policy is not valid JSON."}}) {
        std::string error;
        EXPECT_FALSE(limitsFromJson(c.json, &error)) << c.json;
        EXPECT_NE(error.find(c.expected), std::string::npos) << c.json << " -> " << error;
    }
    std::string error;
    EXPECT_FALSE(outputPolicyFromJson(R"({"logprobs":"maybe"})", &error));
    EXPECT_NE(error.find("'logprobs' must be one of"), std::string::npos);
    EXPECT_FALSE(outputPolicyFromJson(R"({"logit_bias":true})", &error));
    EXPECT_NE(error.find("'logit_bias' must be a string"), std::string::npos);
    EXPECT_FALSE(outputPolicyFromJson(R"({"top_logprobs_cap":21})", &error));
    EXPECT_FALSE(outputPolicyFromJson(R"({"min_temperature":3})", &error));
    EXPECT_FALSE(watermarkPolicyFromJson(R"({"schemes":"all"})", &error));
    EXPECT_NE(error.find("'schemes' must be one of"), std::string::npos);
    EXPECT_FALSE(watermarkPolicyFromJson(R"({"strength":1.5})", &error));
    EXPECT_FALSE(riskPolicyFromJson(R"({"automatic":"yes"})", &error));
    EXPECT_EQ(error, "'automatic' must be true or false.");
    EXPECT_FALSE(riskPolicyFromJson(R"({"strip_score":90})", &error));
    EXPECT_NE(error.find("strip_score <= throttle_score"), std::string::npos);
    EXPECT_FALSE(riskPolicyFromJson(R"({"block_score":101})", &error));

    policy::LimitPolicy kept;
    kept.maxTokensCap = 77;
    const auto problem = policyFromJson(json::parse(R"({"max_tokens_cap":5,"tokens_per_day":-5})"), kept);
    ASSERT_TRUE(problem);
    EXPECT_EQ(kept.maxTokensCap, 77); // nothing changed
}
