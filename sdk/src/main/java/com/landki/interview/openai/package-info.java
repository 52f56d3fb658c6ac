/**
 * The OpenAI API foundation shared by the SDK: {@link com.landki.interview.openai.OpenAiConfig} (key, base URL,
 * project, organization, timeouts), {@link com.landki.interview.openai.RetryPolicy}, the exception hierarchy
 * rooted at {@link com.landki.interview.openai.OpenAiException}, and {@link com.landki.interview.openai.OpenAiHttp}
 * for JSON calls and Server-Sent-Event streams. Plumbing lives in {@code internal} and is not API.
 */
package com.landki.interview.openai;
