/**
 * SECRET_HASH (templates/runtime/secret-hash.ts). The expected values were
 * computed outside this code and outside Node, with OpenSSL 3.0.19 in bash
 * (UTF-8 locale; `od -An -tx1` confirmed the bytes of "jösé😀": 6a c3 b6 73
 * c3 a9 f0 9f 98 80). The command is next to each value.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { fromClientSecret, secretHash, withSecretHash } from "../../templates/runtime/secret-hash.js";

describe("secretHash", () => {
  it.each([
    {
      case: "ASCII",
      // printf '%s' 'aliceclient123' | openssl dgst -sha256 -hmac 'secret456' -binary | base64
      username: "alice",
      clientId: "client123",
      clientSecret: "secret456",
      expected: "dJvqw3lrkM+IvyZ7RbqSFQq1wPZAIknd40wLRgNun+A=",
    },
    {
      case: "non-ASCII username (2-byte and 4-byte UTF-8)",
      // printf '%s' 'jösé😀1example23456789' | openssl dgst -sha256 -hmac 'c1ientS3cret' -binary | base64
      username: "jösé😀",
      clientId: "1example23456789",
      clientSecret: "c1ientS3cret",
      expected: "1cylTkZl5JcCWAHxeaioCnSVFDYGDMSHuoRNqWcDtWo=",
    },
    {
      case: "non-ASCII secret and username",
      // printf '%s' 'Ωmega4tb9qqlc5kq7ld8onnc6n2v' | openssl dgst -sha256 -hmac 'sécret€' -binary | base64
      username: "Ωmega",
      clientId: "4tb9qqlc5kq7ld8onnc6n2v",
      clientSecret: "sécret€",
      expected: "oHH8Z4+XmA4tU7b+EERxp6jFIn5h8EuV+eScJ6e0RIs=",
    },
    {
      case: "empty message (empty username and client id), one-byte secret",
      // printf '%s' '' | openssl dgst -sha256 -hmac 'x' -binary | base64
      username: "",
      clientId: "",
      clientSecret: "x",
      expected: "8n5lJ9a4QIQwpma3RgcMMH9UK7VO5+bcswPz5SwLCfs=",
    },
    {
      case: "short: one-character username and client id",
      // printf '%s' 'ab' | openssl dgst -sha256 -hmac 'x' -binary | base64
      username: "a",
      clientId: "b",
      clientSecret: "x",
      expected: "H2ZL8VD3jXacME1zcENtKSucbV2X5OiIcP0L5y4cRaE=",
    },
    {
      case: "secret of exactly one SHA-256 block (64 bytes): used as the key as it is",
      // S64=$(printf 's%.0s' $(seq 1 64)); printf '%s' 'bob3n4lbn9q2b3fmd3a3pjn5g0' | openssl dgst -sha256 -hmac "$S64" -binary | base64
      username: "bob",
      clientId: "3n4lbn9q2b3fmd3a3pjn5g0",
      clientSecret: "s".repeat(64),
      expected: "924wJG7K2778MZvEwtEC/sPNZvng8WZx4wmxHNqXHxA=",
    },
    {
      case: "secret longer than a block (100 bytes): hashed first, as HMAC says",
      // LONG=$(printf 'k%.0s' $(seq 1 100)); printf '%s' 'user@example.com7fh2ab3cd4ef5gh6ij7kl8mn9o' | openssl dgst -sha256 -hmac "$LONG" -binary | base64
      username: "user@example.com",
      clientId: "7fh2ab3cd4ef5gh6ij7kl8mn9o",
      clientSecret: "k".repeat(100),
      expected: "VKOotrDJXmVTxsPmUdgkfQu5q4iR8H/OpbJu2uMPNlU=",
    },
  ])("$case", async ({ username, clientId, clientSecret, expected }) => {
    await expect(secretHash({ username, clientId, clientSecret })).resolves.toBe(expected);
  });

  it("refuses an empty client secret with a message that says so", async () => {
    await expect(secretHash({ username: "a", clientId: "b", clientSecret: "" })).rejects.toThrow(/client secret is empty/);
  });

  describe("without WebCrypto", () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it("says WebCrypto is missing", async () => {
      vi.stubGlobal("crypto", undefined);
      await expect(secretHash({ username: "a", clientId: "b", clientSecret: "c" })).rejects.toThrow(/WebCrypto/);
    });

    it("says so when crypto has no subtle (a browser page that is not https)", async () => {
      vi.stubGlobal("crypto", {});
      await expect(secretHash({ username: "a", clientId: "b", clientSecret: "c" })).rejects.toThrow(/WebCrypto/);
    });
  });
});

describe("withSecretHash and the fromClientSecret hook", () => {
  // printf '%s' 'aliceclient123' | openssl dgst -sha256 -hmac 'secret456' -binary | base64
  const HASH = "dJvqw3lrkM+IvyZ7RbqSFQq1wPZAIknd40wLRgNun+A=";
  const hook = fromClientSecret("secret456");

  it("a SecretHash member, from Username and ClientId; the request is not changed", async () => {
    const request = { ClientId: "client123", Username: "alice" };
    await expect(hook("SignUp", request, "SecretHash")).resolves.toEqual({ ClientId: "client123", Username: "alice", SecretHash: HASH });
    expect(request).toEqual({ ClientId: "client123", Username: "alice" });
  });

  it.each(["AuthParameters", "ChallengeResponses"] as const)("%s.SECRET_HASH, from the map's USERNAME; the map is not changed", async (place) => {
    const map = { USERNAME: "alice", PASSWORD: "pw" };
    const request = { ClientId: "client123", [place]: map };
    await expect(hook("InitiateAuth", request, place)).resolves.toEqual({ ClientId: "client123", [place]: { USERNAME: "alice", PASSWORD: "pw", SECRET_HASH: HASH } });
    expect(map).toEqual({ USERNAME: "alice", PASSWORD: "pw" });
  });

  it.each<[object, "SecretHash" | "AuthParameters", string]>([
    [{ Username: "alice" }, "SecretHash", "SignUp: a client secret was given, but the SECRET_HASH needs ClientId"],
    [{ ClientId: "c" }, "SecretHash", "SignUp: a client secret was given, but the SECRET_HASH needs Username"],
    [{ ClientId: "c", AuthParameters: {} }, "AuthParameters", "SignUp: a client secret was given, but the SECRET_HASH needs AuthParameters.USERNAME"],
  ])("without what it needs (%j), an error naming the operation and the member", async (request, place, message) => {
    await expect(withSecretHash("SignUp", request, place, "secret456")).rejects.toThrow(new TypeError(message));
  });
});
