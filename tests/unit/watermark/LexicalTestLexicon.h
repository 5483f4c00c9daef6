#pragma once
// A tiny hand-made lexicon for deterministic unit tests of the lexical scheme (the built-in one changes as it is
// rebuilt from WordNet).

#include "core/watermark/Lexicon.h"

namespace modelguard::watermark::lextest {

inline const Lexicon& miniLexicon()
{
    static const Lexicon lexicon = Lexicon::parse("# test lexicon\n"
                                                  "big\ta\thuge\t1\thuge,-,-\n"
                                                  "big\ta\tenormous\t1\tenormous,-,-\n"
                                                  "uniq\ta\tunique\t1\tunique,-,-\n"
                                                  "uniq\ta\tsingular\t1\tsingular,-,-\n"
                                                  "hon\tn\thonour\t1\thonour,honours\n"
                                                  "hon\tn\tglory\t1\tglory,glories\n"
                                                  "start\tv\tstart\t3\tstart,starts,started,started,starting\n"
                                                  "start\tv\tcommence\t1\tcommence,commences,commenced,commenced,"
                                                  "commencing\n"
                                                  "car\tn\tcar\t5\tcar,cars\n"
                                                  "car\tn\tautomobile\t1\tautomobile,automobiles\n");
    return lexicon;
}

} // namespace modelguard::watermark::lextest
