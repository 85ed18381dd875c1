package io.dealwire.core.contact;

import java.util.List;

/** What a signature block says about its author; empty strings where it says nothing. */
public record SignatureDetails(String name, String title, List<String> phones, String companyName, String website) {
    public SignatureDetails {
        name = name == null ? "" : name;
        title = title == null ? "" : title;
        phones = List.copyOf(phones == null ? List.of() : phones);
        companyName = companyName == null ? "" : companyName;
        website = website == null ? "" : website;
    }

    public static final SignatureDetails EMPTY = new SignatureDetails("", "", List.of(), "", "");
}
