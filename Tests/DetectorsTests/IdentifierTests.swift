import Testing
@testable import Detectors

@Suite struct UniquePupilNumberTests {
    @Test(arguments: [
        ("B801200005001", UniquePupilNumber.Form.permanent, true),
        ("A201361424123", .permanent, true),
        ("D936100225431", .permanent, true),
        ("P207000016049", .permanent, true),
        ("A80120000501A", .temporary, true),
    ])
    func validVectors(value: String, form: UniquePupilNumber.Form, knownLA: Bool) {
        let validation = UniquePupilNumber.validate(value)
        #expect(validation?.form == form)
        #expect(validation?.hasKnownLocalAuthority == knownLA)
    }

    @Test(arguments: ["A801200005001", "B207000016049", "I801200005001", "B80120000500", "X80120000A001",
                      "E000200005001", "B8012000050011", "b801200005001", "", "O801200005001"])
    func invalidVectors(value: String) {
        #expect(UniquePupilNumber.validate(value) == nil)
    }

    @Test func checkLetterMatchesWorkedExamples() {
        #expect(UniquePupilNumber.checkLetter(forBody: "801200005001") == "B")
        #expect(UniquePupilNumber.checkLetter(forBody: "207000016049") == "P")
        #expect(UniquePupilNumber.checkLetter(forBody: "80120000501A") == "A")
        #expect(UniquePupilNumber.checkLetter(forBody: "12345") == nil)
    }
}

@Suite struct LearnerAndNHSNumberTests {
    @Test(arguments: ["9276308686", "1234567899", "4000000003"])
    func validULNs(value: String) {
        #expect(UniqueLearnerNumber.isValid(value))
        #expect(!NHSNumber.isValid(value), "no string is both a ULN and an NHS number")
    }

    @Test(arguments: ["9276308687", "9876543210", "0276308686", "927630868", "92763086860", "92763o8686"])
    func invalidULNs(value: String) {
        #expect(!UniqueLearnerNumber.isValid(value))
    }

    @Test(arguments: ["9434765870", "9990000018", "9990000026", "4010232137"])
    func validNHSNumbers(value: String) {
        #expect(NHSNumber.isValid(value))
        #expect(!UniqueLearnerNumber.isValid(value))
    }

    @Test(arguments: ["9434765871", "9991234560", "9991234561", "9991234569", "4010232138", "943476587"])
    func invalidNHSNumbers(value: String) {
        #expect(!NHSNumber.isValid(value))
    }

    @Test func ranges() {
        #expect(NHSNumber.range(of: "4010232137") == .englandWales)
        #expect(NHSNumber.range(of: "9434765870") == .unallocated)
        #expect(NHSNumber.range(of: "3201234567") == .northernIreland)
    }
}

@Suite struct NationalInsuranceNumberTests {
    @Test(arguments: ["AB 12 34 56 C", "hh 01 02 03 d", "tw987654a", "YZ 61 48 68 B", "AB123456C"])
    func valid(value: String) {
        #expect(NationalInsuranceNumber.isValid(value))
    }

    @Test(arguments: ["QQ123456C", "QQ 12 34 56 A", "BG123456A", "FQ 00 00 00 C", "UV 98 76 54 B", "AO123456A",
                      "AB 12 34 56 E", "AB 12 34 56 1", "nt 99 88 77 a", "AB12345C", "A1123456C"])
    func invalid(value: String) {
        #expect(!NationalInsuranceNumber.isValid(value))
    }
}
