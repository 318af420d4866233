"""Lines the line-model tests build their pages from: article prose and a site menu."""

#: three paragraphs of invented news prose
PROSE = [
    "The river authority said on Monday that the spillway would open within days, and "
    "farmers downstream were told to move their animals to higher ground before the weekend.",
    "Officials in both countries agreed to share gauge readings every hour, a step that "
    "engineers had asked for since the floods of the previous year destroyed several bridges.",
    "The agreement, which still needs the approval of both parliaments, also sets up a fund "
    "for families who lose their harvest when the water is released without warning.",
]
#: a site's navigation, one item per line
MENU = ["Home", "World", "Business", "Sport", "Weather", "Contact us", "Privacy policy"]
