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
        System.out.println("total " + workload.total + " counter " + counter);
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
}
