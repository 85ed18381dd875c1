package io.dealwire.api.cli;

import io.dealwire.api.app.Dealwire;
import io.dealwire.api.auth.UserAccounts;
import io.dealwire.core.user.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code user add|token|list}: manage users from the command line (the service must be stopped for the embedded store). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage users and API tokens.",
        subcommands = {UserCommand.Add.class, UserCommand.Token.class, UserCommand.ListUsers.class})
public final class UserCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("dealwire user: give a subcommand: add, token or list (see --help)");
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user and print a first API token for them.")
    static final class Add implements Callable<Integer> {
        @Mixin ConfigOption config = new ConfigOption();
        @Parameters(index = "0", paramLabel = "EMAIL") String email;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--role", defaultValue = "rep", description = "admin, manager or rep (default: ${DEFAULT-VALUE})") Role role;

        @Override
        public Integer call() {
            return Dealwire.withStore(config.load(), store -> {
                var accounts = new UserAccounts(store.users(), Clock.systemUTC(), store::commit);
                var user = accounts.addUser(name, email, role);
                var issued = accounts.issueToken(user, "cli");
                System.out.println("user " + user.id() + " " + user.email() + " (" + role.name().toLowerCase(Locale.ROOT) + ")");
                System.out.println("token: " + issued.secret());
                return 0;
            });
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Issue a new API token for a user (shown once).")
    static final class Token implements Callable<Integer> {
        @Mixin ConfigOption config = new ConfigOption();
        @Parameters(index = "0", paramLabel = "EMAIL") String email;
        @Option(names = "--label", defaultValue = "cli") String label;

        @Override
        public Integer call() {
            return Dealwire.withStore(config.load(), store -> {
                var user = store.users().findByEmail(email).orElse(null);
                if (user == null) {
                    System.err.println("dealwire user token: no user with the email " + email);
                    return 1;
                }
                System.out.println("token: " + new UserAccounts(store.users(), Clock.systemUTC(), store::commit).issueToken(user, label).secret());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin ConfigOption config = new ConfigOption();

        @Override
        public Integer call() {
            return Dealwire.withStore(config.load(), store -> {
                for (var u : store.users().list())
                    System.out.printf("%s  %-8s %s  %s  tokens: %d active%n", u.id(), u.role().name().toLowerCase(Locale.ROOT), u.email(), u.name(),
                            store.users().tokens(u.id()).stream().filter(t -> t.active()).count());
                return 0;
            });
        }
    }
}
