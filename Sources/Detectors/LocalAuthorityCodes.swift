/// English local-authority codes (DfE "LA number", characters 2–4 of a UPN, census
/// rule 1530), as issued since UPNs began in 1999: the current authorities, plus the
/// codes of authorities since merged or split whose UPNs pupils still carry (820
/// Bedfordshire, 835–837 Dorset, Bournemouth and Poole, 875 Cheshire, 909 Cumbria, 928
/// Northamptonshire). A UPN whose code is not here cannot have been issued by an
/// English authority, so its checksum alone is no evidence of a pupil.
enum LocalAuthorityCodes {
    static let known: Set<Int> = Set([
        // Inner London.
        Array(201...213),
        // Outer London.
        Array(301...320),
        // West Midlands, Merseyside, Greater Manchester, South Yorkshire, West Yorkshire, Tyne and Wear.
        Array(330...336), Array(340...344), Array(350...359), Array(370...373), Array(380...384), Array(390...394),
        // Isles of Scilly.
        [420],
        // Unitary authorities and shire counties.
        [800, 801, 802, 803, 805, 806, 807, 808, 810, 811, 812, 813, 815, 816, 820, 821, 822, 823, 825, 826,
         830, 831, 835, 836, 837, 838, 839, 840, 841, 845, 846, 850, 851, 852, 855, 856, 857, 860, 861,
         865, 866, 867, 868, 869, 870, 871, 872, 873, 874, 875, 876, 877, 878, 879, 880, 881, 882, 883,
         884, 885, 886, 887, 888, 889, 890, 891, 892, 893, 894, 895, 896],
        [908, 909, 916, 919, 921, 925, 926, 928, 929, 931, 933, 935, 936, 937, 938, 940, 941, 942, 943],
    ].joined())
}
