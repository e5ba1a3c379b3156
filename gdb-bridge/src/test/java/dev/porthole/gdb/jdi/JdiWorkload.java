package dev.porthole.gdb.jdi;

/** The program the JDI tests debug in a separate JVM. Line numbers matter: JdiDebugSessionTest names them. */
public class JdiWorkload {
    static int counter;
    int total;
    final int[] history = new int[3];

    public static void main(String[] args) {
        JdiWorkload workload = new JdiWorkload();
        for (int i = 0; i < 3; i++) {
            workload.add(i);
        }
        System.out.println("total " + workload.total + " counter " + counter); spin(args);
    }

    void add(int i) {
        int doubled = twice(i);          // line 18: ADD_LINE
        total += doubled;                // line 19
        history[i] = total;              // line 20
        counter++;                       // line 21
    }

    static int twice(int value) {
        return value * 2;                // line 25: TWICE_LINE
    }

    private static void spin(String[] args) {
        try {
            spinIfAsked(args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** With "spin" the workload runs until killed, for interrupt tests (after main's lines, so they keep their numbers). */
    static void spinIfAsked(String[] args) throws InterruptedException {
        while (args.length > 0 && args[0].equals("spin")) {
            counter++;
            Thread.sleep(1);
        }
    }
}
