#pragma once
// Ordinary English prose of about 300 words: long enough for the lexical watermark to decide (watermarked or not) and
// for the payload to be embedded several times.

namespace modelguard::test {

inline constexpr const char* kProse =
    "The committee met early on a cold morning to review the quarterly report. Several members raised concerns "
    "about the rising cost of materials and the slow pace of hiring in the northern offices. The chair suggested "
    "that the team should start a small pilot project before making any large change to the budget. After a long "
    "discussion, the group agreed to gather more data and to meet again at the end of the month. Meanwhile the "
    "engineers continued to build the new system, which was designed to help customers find answers quickly and "
    "to reduce the number of calls that reached the support desk. Early tests showed that the tool was fast and "
    "accurate, although a few users found the interface confusing at first. The designers promised to simplify "
    "the main screen and to add clear instructions for every step. In the evening the manager wrote a short note "
    "to thank everyone for their hard work and to remind them that the next deadline was only a few weeks away. "
    "She also asked each department to prepare a brief summary of its progress, its biggest problems and the help "
    "it would need to finish the project on time. Most people felt hopeful, because the results so far had been "
    "good and the plan seemed realistic. A few remained doubtful and said that the schedule was too tight, yet "
    "they agreed to try their best. The following week brought heavy rain and several delays, but the team kept "
    "working, and by Friday the first version of the product was ready for a larger group of testers to try. ";

} // namespace modelguard::test
