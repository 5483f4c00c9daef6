#!/usr/bin/env node
// One chat completion through the official `openai` Node.js client, for the gateway's end-to-end tests: proves that
// a real OpenAI SDK works unchanged against the gateway (streaming and not).
//
// Usage:
//   node openai-client.mjs --base-url http://127.0.0.1:PORT/v1 --api-key KEY --model M --prompt TEXT
//                          [--stream] [--max-tokens N] [--extra JSON] [--timeout-ms N] [--header 'Name: value']...
//
// --base-url is the API root the SDK appends "/chat/completions" to (so it usually ends in "/v1").
// --extra is a JSON object merged into the request body (e.g. '{"logprobs":true,"top_logprobs":2}').
// --header (repeatable) adds a request header (e.g. 'x-sim-fault: reset-mid-stream' for the upstream simulator).
//
// Prints ONE JSON line on stdout:
//   {"text":"...","usage":{...}|null,"finish_reason":"stop"|...|null,"chunks":N,"error":null}
// and exits 0. On an API error (HTTP error status, or no connection) it prints
//   {"text":"<what arrived before the error>","usage":null,"finish_reason":null,"chunks":N,
//    "error":{"status":429|null,"message":"...","type":"..."|null,"code":"..."|null}}
// and exits 2; a stream cut in the middle (connection reset, premature close) is reported the same way, with
// status null, the partial text and "code" from the network error (e.g. "ECONNRESET") when there is one.
// Bad command-line arguments: message on stderr, exit 64. Anything else unexpected: exit 1.
// "chunks" counts the stream chunks received (0 without --stream).

import OpenAI from 'openai';

function usageError(message) {
    process.stderr.write(`openai-client: ${message}\n`);
    process.stderr.write(
        'usage: node openai-client.mjs --base-url URL --api-key KEY --model M --prompt TEXT ' +
            '[--stream] [--max-tokens N] [--extra JSON] [--timeout-ms N] [--header \'Name: value\']...\n',
    );
    process.exit(64);
}

function parseArgs(argv) {
    const options = { stream: false, maxTokens: undefined, extra: {}, timeoutMs: 60000, headers: {} };
    const valued = new Set([
        '--base-url',
        '--api-key',
        '--model',
        '--prompt',
        '--max-tokens',
        '--extra',
        '--timeout-ms',
        '--header',
    ]);
    for (let i = 0; i < argv.length; ++i) {
        const arg = argv[i];
        if (arg === '--stream') {
            options.stream = true;
            continue;
        }
        if (!valued.has(arg)) {
            usageError(`unknown argument '${arg}'`);
        }
        if (i + 1 >= argv.length) {
            usageError(`${arg} needs a value`);
        }
        const value = argv[++i];
        switch (arg) {
            case '--base-url':
                options.baseUrl = value;
                break;
            case '--api-key':
                options.apiKey = value;
                break;
            case '--model':
                options.model = value;
                break;
            case '--prompt':
                options.prompt = value;
                break;
            case '--max-tokens': {
                const n = Number(value);
                if (!Number.isInteger(n) || n < 1) {
                    usageError(`--max-tokens must be a positive integer, got '${value}'`);
                }
                options.maxTokens = n;
                break;
            }
            case '--timeout-ms': {
                const n = Number(value);
                if (!Number.isInteger(n) || n < 1) {
                    usageError(`--timeout-ms must be a positive integer, got '${value}'`);
                }
                options.timeoutMs = n;
                break;
            }
            case '--header': {
                const colon = value.indexOf(':');
                if (colon <= 0) {
                    usageError(`--header must look like 'Name: value', got '${value}'`);
                }
                options.headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
                break;
            }
            case '--extra': {
                let parsed;
                try {
                    parsed = JSON.parse(value);
                } catch (e) {
                    usageError(`--extra is not valid JSON: ${e.message}`);
                }
                if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
                    usageError('--extra must be a JSON object');
                }
                options.extra = parsed;
                break;
            }
        }
    }
    for (const [key, flag] of [
        ['baseUrl', '--base-url'],
        ['apiKey', '--api-key'],
        ['model', '--model'],
        ['prompt', '--prompt'],
    ]) {
        if (options[key] === undefined) {
            usageError(`${flag} is required`);
        }
    }
    return options;
}

let finished = false;
let pending = null; // the result being built, for the beforeExit guard below

function finish(result, exitCode) {
    finished = true;
    process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(exitCode));
}

function errorJson(e) {
    const body = e.error && typeof e.error === 'object' ? e.error : {};
    const status = Number.isInteger(e.status) ? e.status : null;
    let message = typeof body.message === 'string' ? body.message : String(e.message ?? e);
    if (e instanceof OpenAI.APIConnectionError && e.cause && e.cause.message) {
        message = `${e.message.replace(/\.$/, "")}: ${e.cause.message}`;
    }
    return {
        status,
        message,
        type: typeof body.type === 'string' ? body.type : null,
        code: typeof body.code === 'string' ? body.code : typeof e.code === 'string' ? e.code : null,
    };
}

async function main() {
    const options = parseArgs(process.argv.slice(2));
    const client = new OpenAI({
        baseURL: options.baseUrl,
        apiKey: options.apiKey,
        maxRetries: 0, // the tests assert on the gateway's answer, not on SDK retries
        timeout: options.timeoutMs,
        defaultHeaders: options.headers,
        // Node's own fetch (undici, Node >= 18). The SDK's fallback, node-fetch 2 over a keep-alive agent, reports
        // "Premature close" for chunked streams on Node 18 when the terminating chunk arrives in its own packet
        // (a node-fetch defect; Node 20 is not affected).
        ...(typeof globalThis.fetch === "function" ? { fetch: globalThis.fetch } : {}),
    });
    const request = {
        ...options.extra,
        model: options.model,
        messages: [{ role: 'user', content: options.prompt }],
    };
    if (options.maxTokens !== undefined) {
        request.max_tokens = options.maxTokens;
    }

    const result = { text: '', usage: null, finish_reason: null, chunks: 0, error: null };
    pending = result;
    try {
        if (options.stream) {
            request.stream = true;
            request.stream_options = { include_usage: true };
            const stream = await client.chat.completions.create(request);
            for await (const chunk of stream) {
                ++result.chunks;
                const choice = chunk.choices && chunk.choices[0];
                if (choice) {
                    if (choice.delta && typeof choice.delta.content === 'string') {
                        result.text += choice.delta.content;
                    }
                    if (choice.finish_reason) {
                        result.finish_reason = choice.finish_reason;
                    }
                }
                if (chunk.usage) {
                    result.usage = chunk.usage;
                }
            }
        } else {
            const completion = await client.chat.completions.create(request);
            const choice = completion.choices && completion.choices[0];
            result.text = (choice && choice.message && choice.message.content) || '';
            result.finish_reason = (choice && choice.finish_reason) || null;
            result.usage = completion.usage ?? null;
        }
    } catch (e) {
        // An error status, no connection, or a stream cut in the middle (reset, premature close): all are the
        // endpoint's answer, reported as JSON. The text that arrived before a cut is kept.
        result.usage = null;
        result.finish_reason = null;
        result.error = errorJson(e);
        finish(result, 2);
        return;
    }
    finish(result, 0);
}

// A connection cut while the SDK reads a non-streamed body can leave its promise unsettled with nothing left to run:
// Node would then exit 0 silently. Report it as the endpoint's failure instead.
process.on('beforeExit', () => {
    if (!finished && pending) {
        pending.usage = null;
        pending.finish_reason = null;
        pending.error = {
            status: null,
            message: 'the connection closed before the response was complete',
            type: null,
            code: null,
        };
        finish(pending, 2);
    }
});

main().catch((e) => {
    process.stderr.write(`openai-client: unexpected failure: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
});
