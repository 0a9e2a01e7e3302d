# KS's decision queue (issue 15) and R11's one rule.
S = {
"Activities_FindingSourceR11": "Resultatuppföljningen (årligen och när aktiviteten avslutas) är kommunens grundkrav; {0} säger inget eget om den.",
}
