package io.dealwire.ingest.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private Dovecot IMAP server on loopback for tests, configured like ../shared/tools/dovecot/dovecot.sh:
 * plain IMAP on 127.0.0.1 only, a passwd-file with one user, Maildir under a temp dir. As root the
 * mail processes run as "nobody"; as another user, everything runs as that user.
 */
final class DovecotServer implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "alice-pw";

    private final Path dir;
    private final Path conf;
    private final int port;

    private DovecotServer(Path dir, Path conf, int port) {
        this.dir = dir;
        this.conf = conf;
        this.port = port;
    }

    static boolean installed() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, "dovecot"))) return true;
        }
        return Files.isExecutable(Path.of("/usr/sbin/dovecot"));
    }

    private static String binary() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, "dovecot"))) return Path.of(p, "dovecot").toString();
        }
        return "/usr/sbin/dovecot";
    }

    /**
     * Starts on a free port. The port is free when picked but bound only by Dovecot, later: another process
     * on the machine may take it in between, so a start that fails is tried again on another port.
     */
    static DovecotServer start() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return startOnce();
            } catch (IOException e) {
                if (last != null) e.addSuppressed(last);
                last = e;
            }
        }
        throw last;
    }

    private static DovecotServer startOnce() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dealwire-dovecot-");
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String mailUser = root ? "nobody" : System.getProperty("user.name");
        long uid = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
        long gid = ((Number) Files.getAttribute(dir, "unix:gid")).longValue();
        if (root) {
            uid = 65534;
            gid = 65534;
        }
        for (String sub : List.of("base", "state", "mail", "home", "index")) Files.createDirectories(dir.resolve(sub));
        Path users = dir.resolve("users");
        Files.writeString(users, USER + ":{PLAIN}" + PASSWORD + ":" + uid + ":" + gid + "::" + dir.resolve("home") + "::"
                + "userdb_mail=maildir:" + dir.resolve("mail") + ":LAYOUT=fs:INDEX=" + dir.resolve("index") + "\n");
        String internal = root ? "" : """
                default_login_user = %1$s
                default_internal_user = %1$s
                default_internal_group = %1$s
                """.formatted(mailUser);
        Path conf = dir.resolve("dovecot.conf");
        Files.writeString(conf, """
                protocols = imap
                listen = 127.0.0.1
                base_dir = %1$s/base
                state_dir = %1$s/state
                instance_name = dealwire-test-%2$d
                log_path = %1$s/dovecot.log
                info_log_path = %1$s/dovecot.log
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_privileged_group =
                first_valid_uid = 1
                mail_location = maildir:%1$s/mail
                mail_fsync = never
                %3$s
                namespace inbox {
                  inbox = yes
                  separator = /
                  mailbox Sent {
                    special_use = \\Sent
                    auto = create
                  }
                }
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %4$s
                }
                userdb {
                  driver = passwd-file
                  args = username_format=%%u %4$s
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service anvil {
                  chroot =
                }
                service imap-login {
                  chroot =
                }
                protocol imap {
                  mail_max_userip_connections = 50
                }
                """.formatted(dir, port, internal, users));
        if (root) {
            run(dir, "chown", "-R", "65534:65534", dir.resolve("mail").toString(), dir.resolve("home").toString(),
                    dir.resolve("index").toString());
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        var server = new DovecotServer(dir, conf, port);
        try {
            run(dir, binary(), "-c", conf.toString());
        } catch (IOException e) {
            server.deleteDir();
            throw e;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (var probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        String logText = Files.exists(dir.resolve("dovecot.log")) ? Files.readString(dir.resolve("dovecot.log")) : "";
        server.close();
        throw new IOException("Dovecot did not start listening on port " + port + ": " + logText);
    }

    int port() {
        return port;
    }

    String log() throws IOException {
        Path p = dir.resolve("dovecot.log");
        return Files.exists(p) ? Files.readString(p) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(dir, binary(), "-c", conf.toString(), "stop");
        // the master removes its pid file when it has stopped; until then it may still write in the directory
        Path pid = dir.resolve("base").resolve("master.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Files.exists(pid) && System.nanoTime() < deadline) Thread.sleep(50);
        deleteDir();
    }

    private void deleteDir() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                return;
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file appeared or vanished under the walk (a Dovecot process still exiting): walk again
                if (attempt == 20) throw e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause();
                Thread.sleep(100);
            }
        }
    }

    /** Runs a command with its output in a file: the Dovecot daemon keeps inherited pipes open forever. */
    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Path output = dir.resolve("command.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(output.toFile()).start();
        if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + " failed: " + Files.readString(output));
    }
}
