package dev.upshift.server.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.store.ApiKey;
import dev.upshift.store.KeyScope;
import dev.upshift.store.NewKey;
import dev.upshift.store.Store;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Key management (SPEC §8.2), for admin keys: {@code POST /v1/keys} returns a new key's secret
 * once, {@code GET /v1/keys} lists the workspace's keys without secrets, {@code DELETE
 * /v1/keys/{keyId}} revokes one.
 */
final class KeyRoutes {
  /** A key body is a few fields; anything larger is not one. */
  private static final long MAX_BODY = 64 * 1024;

  private final Store store;

  KeyRoutes(Store store) {
    this.store = requireNonNull(store, "store is null");
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, "/v1/keys", KeyScope.ADMIN, this::create),
        new Route(HandlerType.GET, "/v1/keys", KeyScope.ADMIN, this::list),
        new Route(HandlerType.DELETE, "/v1/keys/{keyId}", KeyScope.ADMIN, this::revoke));
  }

  /** A key as listed: never its secret. */
  record KeyReply(String id, String scope, String name, String createdAt, String revokedAt) {
    static KeyReply of(ApiKey key) {
      return new KeyReply(key.id(), key.scope().wireName(), key.name(), key.createdAt().toString(),
          key.revokedAt() == null ? null : key.revokedAt().toString());
    }
  }

  /** A key just created: its secret, {@code key}, is shown this once. */
  record NewKeyReply(String id, String scope, String name, String createdAt, String key) {}

  /** The listing. */
  record KeysReply(List<KeyReply> keys) {}

  private void create(Context ctx) throws IOException {
    RecordRoutes.only(ctx, Set.of());
    JsonNode body;
    try (InputStream in = Bodies.limited(ctx, MAX_BODY)) {
      body = Json.MAPPER.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("send {\"scope\": \"read|write|admin\", \"name\": \"…\"}");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("scope") && !name.equals("name")) {
        throw ApiException.badRequest("unknown field '" + name + "'; a key has scope and name");
      }
    }
    JsonNode scopeNode = body.get("scope");
    KeyScope scope = scopeNode == null || !scopeNode.isTextual() ? null
        : KeyScope.fromWireName(scopeNode.asText()).orElse(null);
    if (scope == null) {
      throw ApiException.badRequest("scope must be read, write or admin");
    }
    JsonNode nameNode = body.get("name");
    if (nameNode != null && !nameNode.isNull() && !nameNode.isTextual()) {
      throw ApiException.badRequest("name must be text");
    }
    String name = nameNode == null || nameNode.isNull() ? null : nameNode.asText();
    NewKey created;
    try {
      created = store.createKey(Access.key(ctx).workspace(), scope, name);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    ApiKey key = created.key();
    Json.reply(ctx, 201, new NewKeyReply(key.id(), key.scope().wireName(), key.name(),
        key.createdAt().toString(), created.secret()));
  }

  private void list(Context ctx) {
    RecordRoutes.only(ctx, Set.of());
    Json.reply(ctx, 200, new KeysReply(store.listKeys(Access.key(ctx).workspace()).stream()
        .map(KeyReply::of).toList()));
  }

  private void revoke(Context ctx) {
    RecordRoutes.only(ctx, Set.of());
    String keyId = ctx.pathParam("keyId");
    if (!store.revokeKey(Access.key(ctx).workspace(), keyId)) {
      throw ApiException.notFound("no key with id \"" + keyId + "\"");
    }
    ctx.status(204);
  }
}
