package io.github.removebgsuite.camel;

/** The operations of the {@code removebg:} component, named in the endpoint path ({@code removebg:account}). */
public enum RemoveBgOperation {
    /** {@code POST /removebg}: removes the background of the message's image; the reply body is the result image. */
    removeBackground,
    /** {@code GET /account}: reads the credit balance and free calls; the reply body is an {@code Account}. */
    account,
    /** {@code POST /improve}: submits the message's image to the improvement program; the reply body is its id. */
    improve
}
