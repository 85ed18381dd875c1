package io.dealwire.api.webui;

import java.util.ArrayList;
import java.util.List;

/** The raw messages of the browser tests' IMAP mailboxes, hostile ones included. */
final class SeedMail {
    private SeedMail() {
    }

    static List<String> sales() {
        return List.of("""
                Message-ID: <q1@acme.example>
                Date: Mon, 3 Mar 2025 09:00:00 +0000
                From: Dana Smith <dana@acme.example>
                To: Sales <sales@northwind.example>
                Subject: Request for a quote on 40 licences
                Content-Type: text/plain; charset=UTF-8

                Hello, we would like a quote for 40 licences of your planning software.
                Our budget is approved and we need it before the end of the quarter.
                Dana Smith
                Head of Operations, Acme
                """, """
                Message-ID: <r1@northwind.example>
                In-Reply-To: <q1@acme.example>
                References: <q1@acme.example>
                Date: Mon, 3 Mar 2025 11:00:00 +0000
                From: Sales <sales@northwind.example>
                To: Dana Smith <dana@acme.example>
                Subject: Re: Request for a quote on 40 licences
                Content-Type: text/plain; charset=UTF-8

                Dear Dana, thank you. Please find our proposal for the 40 licences attached.
                """, """
                Message-ID: <x1@evil.example>
                Date: Tue, 4 Mar 2025 10:00:00 +0000
                From: Mallory <mallory@evil.example>
                To: Sales <sales@northwind.example>
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><body><p>Hello, about the licences pricing:</p>
                <script>alert('script')</script>
                <img src=x onerror=alert('img')>
                <img src="https://tracker.example/pixel.gif" width="1" height="1">
                <a href="javascript:alert('link')">click</a>
                <p onclick="alert('click')">Regards, Mallory</p></body></html>
                """.formatted(WebUiServer.XSS_SUBJECT), """
                Message-ID: <n1@bettercorp.example>
                Date: Wed, 5 Mar 2025 08:00:00 +0000
                From: Luc Martin <luc@bettercorp.example>
                To: sales@northwind.example
                Subject: Demande de devis <script>alert('subject')</script>
                Content-Type: text/plain; charset=UTF-8

                Bonjour, pourriez-vous nous envoyer un devis pour la maintenance annuelle des licences ? <img src=x onerror=alert('text')>
                Merci, Luc
                """);
    }

    /** Enough messages that the sync's progress can be watched moving. */
    static List<String> support() {
        var out = new ArrayList<String>();
        for (int i = 1; i <= 30; i++) {
            out.add("""
                    Message-ID: <s%d@customer%d.example>
                    Date: Thu, 6 Mar 2025 %02d:%02d:00 +0000
                    From: Customer %d <help@customer%d.example>
                    To: support@northwind.example
                    Subject: Support question %d
                    Content-Type: text/plain; charset=UTF-8

                    Hello, we have a question about our subscription number %d.
                    """.formatted(i, i % 5, 8 + i / 60, i % 60, i, i % 5, i, i));
        }
        return out;
    }
}
