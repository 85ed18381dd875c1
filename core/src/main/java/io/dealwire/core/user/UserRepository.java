package io.dealwire.core.user;

import java.util.List;
import java.util.Optional;

public interface UserRepository {
    Optional<User> find(String id);

    Optional<User> findByEmail(String email);

    List<User> list();

    User save(User user);

    long count();

    ApiToken saveToken(ApiToken token);

    Optional<ApiToken> findTokenByHash(String hash);

    List<ApiToken> tokens(String userId);
}
