# KS's decision queue (issue 15) and R11's one rule.
S = {
"Activities_FindingSourceR11": "Resultatuppföljningen (årligen och när aktiviteten avslutas) är kommunens grundkrav; {0} säger inget eget om den.",
"Activities_WaitsForKs": "Väntar på Kommunstyrelsens beslut om undantag",
"Activities_CannotBeApproved": "Kan inte godkännas ännu",
"Activities_CannotBeApprovedBecause": "Aktiviteten kan inte godkännas så länge det här står kvar:",
"Activities_WaitsForKsHint": "Kommunstyrelsens sekretariat ser aktiviteten i Kommunstyrelsens beslutskö. När undantaget är registrerat kan aktiviteten godkännas.",
}
