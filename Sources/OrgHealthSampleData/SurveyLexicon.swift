/// Free-text survey comments. Every one carries `SURVEY-SENTINEL`; one (planted) carries a
/// script tag, which no report may ever render as markup.
enum SurveyLexicon {
    static let sentinel = "SURVEY-SENTINEL"
    static let scriptComment = "Great place overall <script>alert(1)</script>"

    static let positive = [
        "I love the people I work with.",
        "My manager really cares, and it shows.",
        "Lots of room to grow, thanks for the learning budget!",
        "Clear goals this quarter, much better than last year.",
        "The new on-call rotation made a real difference.",
    ]

    static let negative = [
        "Too many priorities, and they change every week.",
        "I don't feel safe raising problems; people get blamed.",
        "Workload is not sustainable, we are burning out.",
        "My 1:1s keep getting cancelled, I have no idea how I'm doing.",
        "Decisions get made without us, \"transparency\" is just a word here.",
    ]

    static let neutral = [
        "Please fix the VPN.",
        "More offsites, please.",
        "The survey is too long.",
        "Hybrid schedule works for me, mostly.",
    ]
}
