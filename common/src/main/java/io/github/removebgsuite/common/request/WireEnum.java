package io.github.removebgsuite.common.request;

/** An enum constant that stands for one value of an API parameter, spelled as it goes on the wire. */
interface WireEnum {

    /** The value exactly as it is sent, e.g. {@code 50MP} or {@code 3D}. */
    String wireValue();
}
