package io.dealwire.api;

import io.dealwire.api.cli.BackupCommand;
import io.dealwire.api.cli.EvalStagesCommand;
import io.dealwire.api.cli.RestoreCommand;
import io.dealwire.api.cli.ReindexCommand;
import io.dealwire.api.cli.ServeCommand;
import io.dealwire.api.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code java -jar dealwire.jar [command]}: {@code serve} when no command is given. */
@Command(name = "dealwire", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Dealwire: the CRM that keeps its pipeline true by reading the company's mail.",
        subcommands = {ServeCommand.class, EvalStagesCommand.class, ReindexCommand.class, BackupCommand.class, RestoreCommand.class, UserCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        return new ServeCommand().call();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"dealwire " + (v == null ? "development build" : v)};
        }
    }
}
