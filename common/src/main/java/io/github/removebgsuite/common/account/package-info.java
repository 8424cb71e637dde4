/**
 * The account's balances ({@link io.github.removebgsuite.common.account.Account}) and the local
 * {@link io.github.removebgsuite.common.account.CreditLedger} kept from them.
 */
package io.github.removebgsuite.common.account;
