# National scale (issue 17): too many requests, a page past the end of a list, the paging cursor
S = {
"RateLimit_Title": "För många förfrågningar",
"RateLimit_Detail": "Du har gjort fler förfrågningar än Omvärld tar emot på en gång. Vänta {0} sekunder och försök igen.",
"Error_429_Title": "För många förfrågningar",
"Error_429_Text": "Du har gjort fler förfrågningar än Omvärld tar emot på en gång. Vänta en stund och försök igen.",
"Timeout_Title": "Det tog för lång tid",
"Timeout_Detail": "Att ta fram svaret tog längre tid än Omvärld väntar. Arbetet fortsätter: försök igen om {0} sekunder.",
"Error_Timeout_Title": "Det tog för lång tid",
"Error_Timeout_Text": "Att ta fram sidan eller filen tog längre tid än Omvärld väntar. Arbetet fortsätter: vänta en stund och försök igen.",
"Paging_PastEnd": "Sidan {0} finns inte. Den sista sidan är {1}.",
"Paging_PastEndPage": "Sidan {0} finns inte. Listan slutar på sidan {1}.",
"Paging_ToLastPage": "Gå till sista sidan ({0})",
"Paging_CursorInvalid": "Markören i after känns inte igen. Använd värdet next från föregående svar, oförändrat.",
"Paging_CursorWithPage": "Ange antingen page eller after, inte båda.",
"Paging_CursorSort": "Markören i after går bara att använda med sorteringen efter startdatum (sort=StartDesc eller StartAsc).",
}
