package com.landki.interview.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Serves static files from the classpath, by default {@code META-INF/resources/interview/**} (the chat
 * page and dashboard of {@code interview-frontend-assets}), for embedded containers that do not serve
 * {@code META-INF/resources} from jars themselves. Map it at a path ending in {@code /*}, e.g.
 * {@code /interview/*}.
 *
 * <p>Paths are normalized and anything that would leave the prefix ({@code ..}, backslashes, NUL) is 404;
 * a directory URL without its trailing slash is redirected; MIME types come from the container; file names
 * with a content hash (Vite's {@code assets/name-HASH.js}) are cached for a year, HTML is {@code no-cache}.
 * Thread-safe.
 */
public final class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The classpath folder of the chat page and the dashboard in {@code interview-frontend-assets}. */
    public static final String DEFAULT_PREFIX = "META-INF/resources/interview";
    /** Vite's output names, {@code assets/name-HASH.ext}: the hash is 8 or more base64url characters. */
    private static final Pattern HASHED = Pattern.compile("(.+/)?assets/[^/]+-[A-Za-z0-9_-]{8,}\\.[a-z0-9]+");

    /** The classpath folder served, without leading or trailing slash. */
    private final String prefix;
    private final transient ClassLoader loader;

    /** Serves {@link #DEFAULT_PREFIX}. */
    public AssetServlet() {
        this(DEFAULT_PREFIX);
    }

    /**
     * Serves the classpath folder {@code prefix} (no leading or trailing slash needed).
     *
     * @param prefix the classpath folder
     * @throws IllegalArgumentException when it is empty or contains {@code ..}
     */
    public AssetServlet(String prefix) {
        this(prefix, AssetServlet.class.getClassLoader());
    }

    /**
     * Serves the classpath folder {@code prefix} of {@code loader}.
     *
     * @param prefix the classpath folder (no leading or trailing slash needed)
     * @param loader where the files are looked up
     * @throws IllegalArgumentException when the prefix is empty or contains {@code ..}
     */
    public AssetServlet(String prefix, ClassLoader loader) {
        String clean = prefix.replaceAll("^/+|/+$", "");
        if (clean.isEmpty() || clean.contains("..")) {
            throw new IllegalArgumentException("prefix must name a classpath folder, was '" + prefix + "'");
        }
        this.prefix = clean;
        this.loader = loader;
    }

    /** TRACE would echo the request's cookies and credentials back to a script; never served. */
    @Override
    protected void doTrace(HttpServletRequest req, HttpServletResponse res) {
        res.setStatus(405);
        res.setHeader("Allow", "GET, HEAD, OPTIONS");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String pathInfo = req.getPathInfo();
        if (pathInfo == null || pathInfo.isEmpty()) {
            redirectToSlash(req, res, "");
            return;
        }
        String relative = normalize(pathInfo);
        if (relative == null) {
            notFound(res);
            return;
        }
        if (relative.isEmpty() || pathInfo.endsWith("/")) {
            relative = relative.isEmpty() ? "index.html" : relative + "/index.html";
        } else if (resource(relative + "/index.html") != null && !isFile(resource(relative))) {
            redirectToSlash(req, res, pathInfo);
            return;
        }
        URL url = resource(relative);
        if (url == null || !isFile(url)) {
            notFound(res);
            return;
        }
        serve(req, res, relative, url);
    }

    private void serve(HttpServletRequest req, HttpServletResponse res, String relative, URL url) throws IOException {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        String mime = getServletContext().getMimeType(name);
        if (mime == null) {
            mime = fallbackMime(name);
        }
        if (mime.startsWith("text/") || mime.contains("javascript") || mime.equals("application/json")
                || mime.equals("image/svg+xml")) {
            mime = mime + ";charset=utf-8";
        }
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false); // keeps jar files from being held open
        res.setContentType(mime);
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (name.endsWith(".html")) {
            res.setHeader("Cache-Control", "no-cache");
        } else if (HASHED.matcher(relative).matches()) {
            res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        } else {
            res.setHeader("Cache-Control", "public, max-age=300");
        }
        long length = connection.getContentLengthLong();
        if (length >= 0) {
            res.setContentLengthLong(length);
        }
        try (InputStream in = connection.getInputStream()) {
            if ("HEAD".equals(req.getMethod())) {
                return;
            }
            OutputStream out = res.getOutputStream();
            in.transferTo(out);
        }
    }

    /** For containers without MIME mappings (a bare {@code Tomcat.addContext}): the types a Vite build has. */
    private static String fallbackMime(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        switch (ext) {
            case "html": return "text/html";
            case "js": case "mjs": return "text/javascript";
            case "css": return "text/css";
            case "json": case "map": return "application/json";
            case "svg": return "image/svg+xml";
            case "png": return "image/png";
            case "ico": return "image/x-icon";
            case "woff2": return "font/woff2";
            case "txt": return "text/plain";
            default: return "application/octet-stream";
        }
    }

    /** The path below the prefix without leading slash, or {@code null} when it would escape the prefix. */
    static String normalize(String pathInfo) {
        if (pathInfo.indexOf('\\') >= 0 || pathInfo.indexOf('\0') >= 0 || pathInfo.indexOf(':') >= 0) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : pathInfo.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                return null;
            }
            segments.add(segment);
        }
        return String.join("/", segments);
    }

    private URL resource(String relative) {
        return loader.getResource(prefix + "/" + relative);
    }

    private static boolean isFile(URL url) {
        if (url == null) {
            return false;
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Files.isRegularFile(Path.of(url.toURI()));
            }
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                connection.setUseCaches(false);
                return jar.getJarEntry() != null && !jar.getJarEntry().isDirectory();
            }
            return !url.getPath().endsWith("/");
        } catch (IOException | URISyntaxException e) {
            return false;
        }
    }

    private static void redirectToSlash(HttpServletRequest req, HttpServletResponse res, String pathInfo) {
        String target = req.getContextPath() + req.getServletPath() + pathInfo + "/";
        if (req.getQueryString() != null) {
            target += "?" + req.getQueryString();
        }
        res.setStatus(301);
        res.setHeader("Location", target);
    }

    private static void notFound(HttpServletResponse res) throws IOException {
        byte[] body = "Not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        res.setStatus(404);
        res.setContentType("text/plain;charset=utf-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
