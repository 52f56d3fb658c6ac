package com.landki.interview.store;

/**
 * When an append to a JSONL store returns. Both modes group concurrent appends into one write; they differ in
 * what they survive.
 */
public enum Durability {
    /**
     * The record was handed to the operating system ({@code write(2)}): a killed or crashed server loses
     * nothing; a power failure or kernel crash may lose the last few seconds. The default.
     */
    FLUSH,
    /**
     * The record is on stable storage ({@code fdatasync(2)}) before the append returns. Concurrent appends share
     * one fsync (group commit), so throughput grows with the number of writers.
     */
    FSYNC
}
