#pragma once
// Helpers shared by the persona implementations: addresses, simulated completions, small text utilities.

#include "services/sim/SimRandom.h"
#include "services/sim/SimRequest.h"

#include <string>
#include <string_view>
#include <vector>

namespace modelguard::sim {

/// A consumer/office address (public-looking IPv4); each call is an independent /24 in practice.
std::string residentialIp(SimRandom& rng);
/// A /24 prefix in a hosting provider's space, e.g. "34.117.9"; append ".<host>" for an address.
std::string hostingPrefix(SimRandom& rng);
std::string hostInPrefix(const std::string& prefix, SimRandom& rng);

struct CompletionProfile
{
    double medianTokens = 250;  ///< median completion length when not cut by max_tokens
    double sigma = 0.7;         ///< log-normal spread
    double refusalRate = 0.005; ///< share of requests the model declines
};

/// Fills the completion side of `request` plausibly: prompt tokens from the text, completion length drawn from the
/// profile and cut at max_tokens (finish "length"), refusals as short "stop" (or content-filter) completions.
void simulateCompletion(SimRequest& request, SimRandom& rng, const CompletionProfile& profile);

/// Replaces every "{}" in `pattern`, in order, with the given values.
std::string fill(std::string_view pattern, const std::vector<std::string_view>& values);

std::string capitalised(std::string text);

} // namespace modelguard::sim
