import LibXML

/// Small literal fixtures shared by the LibXML tests.
enum Fixtures {
    /// Strings that must survive as data (text and attribute values) unchanged
    /// apart from control-character sanitising.
    static let hostileStrings: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "&amp; & \"quotes\" 'single'",
        "control \u{0}\u{1}\u{8}\u{B}\u{C}\u{1F} chars \u{FFFE}\u{FFFF}",
        "é 日本 😀 Ω",
        " lead &{&lt;} <!-- comment --> %41 ]]> trail ",
        "multi\nline\ttabbed  spaced",
        "",
    ]

    /// A small namespaced XSD: `<team>` with one or more `<member>` children.
    static let teamSchema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   targetNamespace="urn:orghealth:test" xmlns="urn:orghealth:test"
                   elementFormDefault="qualified">
          <xs:element name="team">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="member" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="xs:positiveInteger" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="name" type="xs:string" use="required"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    static let validTeam = """
        <?xml version="1.0" encoding="UTF-8"?>
        <team xmlns="urn:orghealth:test" name="Platform">
          <member id="1"/>
          <member id="2"/>
        </team>
        """

    /// Invalid on line 4 (`id` is not a positive integer) and line 5 (unknown element).
    static let invalidTeam = """
        <?xml version="1.0" encoding="UTF-8"?>
        <team xmlns="urn:orghealth:test" name="Platform">
          <member id="1"/>
          <member id="zero"/>
          <manager/>
        </team>
        """

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <lolz>&lol9;</lolz>
        """
}
