package org.jenkinsci.remoting;

import java.io.Serializable;

/** Shim of remoting's {@code SerializableOnlyOverRemoting}: serialisable only to cross a remoting channel. */
public interface SerializableOnlyOverRemoting extends Serializable {
}
