package io.github.removebgsuite.imagej;

import io.github.removebgsuite.common.cache.ResultCache;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.imagej.service.RemoveBgService.CacheSetting;
import java.io.File;
import java.util.Optional;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * <em>Plugins › remove.bg › Result Cache…</em>: the folder where every paid remove.bg answer is kept, so the same
 * image with the same parameters is never paid for twice: not after a wiped output folder, not in a second output
 * folder, not in another Fiji on another machine sharing the folder. The setting is kept in Fiji's preferences and
 * used by every remove.bg command from then on; an empty folder switches the cache off.
 *
 * <p>Macro: {@code run("Result Cache...", "cache_dir=/data/removebg-cache cache_limit_mb=2048");}
 */
@Plugin(type = Command.class, headless = true, label = "Result Cache...", initializer = "init",
        description = "Sets the folder where paid remove.bg results are kept and reused at no charge",
        menu = {@Menu(label = "Plugins"), @Menu(label = "remove.bg", weight = RemoveBgCommand.MENU_WEIGHT),
                @Menu(label = "Result Cache...", weight = 13)})
public class ResultCacheCommand extends RemoveBgCommand {

    /** The default size bound, in megabytes: the core's default of 1 GiB. */
    public static final long DEFAULT_LIMIT_MB = ResultCache.DEFAULT_MAX_BYTES >> 20;

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false, required = false)
    private String header = "<html>A repeated image (same content, same parameters) is answered from this folder "
            + "and costs 0 credits.<br>Several Fiji instances or machines may share one folder. Empty = no cache.";

    @Parameter(label = "Cache folder", style = FileWidget.DIRECTORY_STYLE, persist = false, required = false,
            description = "Where paid results are kept (created when missing); empty switches the cache off.")
    private File cache_dir;

    @Parameter(label = "Size limit (MB)", min = "1", persist = false, required = false,
            description = "The most the folder may hold; the least recently used results are removed first.")
    private Long cache_limit_mb = DEFAULT_LIMIT_MB;

    @Parameter(label = "Cache folder in use", type = org.scijava.ItemIO.OUTPUT, required = false)
    private String cache_in_use;

    /**
     * Shows the folder in use in the dialog. A run that does not name {@code cache_dir} keeps it; an empty
     * {@code cache_dir} (the macro option {@code cache_dir=[]}) switches the cache off.
     */
    protected void init() {
        if (cache_dir != null) {
            return;
        }
        removeBg.resultCache().ifPresent(setting -> {
            cache_dir = setting.directory().toFile();
            cache_limit_mb = Math.max(1, setting.maxBytes() >> 20);
        });
    }

    @Override
    protected void execute() {
        if (cache_dir == null || cache_dir.getPath().isBlank()) {
            removeBg.setResultCache(null);
            cache_in_use = "";
            report("remove.bg result cache switched off.");
            return;
        }
        long limitMb = cache_limit_mb == null ? DEFAULT_LIMIT_MB : cache_limit_mb;
        if (limitMb < 1 || limitMb > Long.MAX_VALUE >> 20) {
            fail(new InvalidParameterException("cache_limit_mb", Long.toString(limitMb), "a size in MB of 1 or more"),
                    null);
            return;
        }
        CacheSetting setting = new CacheSetting(cache_dir.toPath().toAbsolutePath().normalize(), limitMb << 20);
        try {
            removeBg.setResultCache(setting);
        } catch (InvalidParameterException e) {
            fail(e, null);
            return;
        }
        Optional<CacheSetting> saved = removeBg.resultCache();
        cache_in_use = saved.map(s -> s.directory().toString()).orElse("");
        report("remove.bg result cache: " + cache_in_use + " (at most " + limitMb + " MB); repeated images cost "
                + "0 credits.");
    }
}
