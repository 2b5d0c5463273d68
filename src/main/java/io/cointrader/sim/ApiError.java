package io.cointrader.sim;

/**
 * A non-success answer in Upbit's error shape, {@code {"error":{"name":..,"message":..}}}, with its
 * HTTP status. Thrown inside the request pipeline and turned into a response at its boundary; it
 * never leaves the simulator.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String name;
    private final boolean numericName;

    private ApiError(int status, String name, String message, boolean numericName) {
        super(message, null, false, false);
        this.status = status;
        this.name = name;
        this.numericName = numericName;
    }

    static ApiError of(int status, String name, String message) {
        return new ApiError(status, name, message, false);
    }

    /** 400 {@code validation_error}: a missing or invalid parameter. */
    static ApiError validation(String message) {
        return of(400, "validation_error", message);
    }

    /** 401 with one of Upbit's authentication error names. */
    static ApiError unauthorized(String name, String message) {
        return of(401, name, message);
    }

    /** Quotation 404 for an unknown market; Upbit sends the status as a number in {@code name}. */
    static ApiError codeNotFound() {
        return new ApiError(404, "404", "Code not found", true);
    }

    int status() {
        return status;
    }

    String name() {
        return name;
    }

    /** True when {@code name} is written as a JSON number, as quotation errors do. */
    boolean numericName() {
        return numericName;
    }
}
