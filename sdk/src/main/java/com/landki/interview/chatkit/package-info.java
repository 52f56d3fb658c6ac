/**
 * The ChatKit API client: {@link com.landki.interview.chatkit.ChatKitClient} with sessions
 * ({@link com.landki.interview.chatkit.CreateSessionRequest}, {@link com.landki.interview.chatkit.ChatKitSession})
 * and threads ({@link com.landki.interview.chatkit.ChatKitThread},
 * {@link com.landki.interview.chatkit.ThreadItem}, {@link com.landki.interview.chatkit.Page},
 * {@link com.landki.interview.chatkit.ListOptions}). Values are records; unknown JSON fields are ignored and
 * open-ended values such as statuses are strings.
 */
package com.landki.interview.chatkit;
