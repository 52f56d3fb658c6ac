package com.landki.interview.bench.load;
import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
public class ScratchProbe {
  public static void main(String[] a) throws Exception {
    try (UpstreamStandIn up = UpstreamStandIn.start(Duration.ofMillis(50))) {
      for (String spec : a) {
      String[] p = spec.split(":");
      HttpClient.Version v = HttpClient.Version.valueOf(p[0]); int conc = Integer.parseInt(p[1]);
      HttpClient.Builder b = HttpClient.newBuilder().version(v);
      if (p.length > 2) b.executor(Executors.newFixedThreadPool(Integer.parseInt(p[2])));
      HttpClient c = b.build();
      HttpRequest r = HttpRequest.newBuilder(URI.create(up.baseUrl()+(p.length>3?p[3]:"/chatkit/sessions"))).header("Content-Type","application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"u\"}")).build();
      AtomicLong done = new AtomicLong(); AtomicLong lat = new AtomicLong(); Semaphore s = new Semaphore(conc);
      long end = System.nanoTime() + 5_000_000_000L, t0=System.nanoTime();
      while (System.nanoTime() < end) { s.acquire(); long st=System.nanoTime(); c.sendAsync(r, HttpResponse.BodyHandlers.ofString()).whenComplete((x,e)->{ if(e!=null) System.err.println(e); lat.addAndGet(System.nanoTime()-st); done.incrementAndGet(); s.release();}); }
      s.acquire(conc);
      System.out.printf("%s conc=%d exec=%s: %.0f req/s, mean %.1f ms%n", v, conc, p.length>2?p[2]:"default", done.get()/((System.nanoTime()-t0)/1e9), lat.get()/1e6/done.get());
      }
    }
  }
}
